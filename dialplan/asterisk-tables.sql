-- Asterisk's queue_log and cdr tables for CallScore's reports, in Asterisk's standard MySQL schema
-- (contrib/ast-db-manage), for res_odbc realtime (queue_log) and cdr_adaptive_odbc (cdr).
-- Create them in CallScore's database (or the one the reports module reads), as MariaDB's root:
--     mariadb callscore < dialplan/asterisk-tables.sql
-- Running it again changes nothing (IF NOT EXISTS). docs/install.md has the ODBC side and the grants.
--
-- utf8mb4_unicode_ci, the collation of every CallScore table: the documented joins on uniqueid
-- (survey_response, ivr_visit, reports_call with cdr and queue_log) need one collation on both sides.

-- One row per queue event. The reports read it in id order (the primary key) and by call (callid).
CREATE TABLE IF NOT EXISTS queue_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  time DATETIME(6) NULL,
  callid VARCHAR(80) NULL,
  queuename VARCHAR(256) NULL,
  agent VARCHAR(80) NULL,
  event VARCHAR(32) NULL,
  data1 VARCHAR(100) NULL,
  data2 VARCHAR(100) NULL,
  data3 VARCHAR(100) NULL,
  data4 VARCHAR(100) NULL,
  data5 VARCHAR(100) NULL,
  KEY queue_log_callid (callid),
  KEY queue_log_time (time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per call leg. The busy rate reads it by start time (cdr_start); the survey, the IVR visits and the
-- reports join it on uniqueid (cdr_uniqueid) and linkedid (cdr_linkedid).
CREATE TABLE IF NOT EXISTS cdr (
  accountcode VARCHAR(80) NULL,
  src VARCHAR(80) NULL,
  dst VARCHAR(80) NULL,
  dcontext VARCHAR(80) NULL,
  clid VARCHAR(80) NULL,
  channel VARCHAR(80) NULL,
  dstchannel VARCHAR(80) NULL,
  lastapp VARCHAR(80) NULL,
  lastdata VARCHAR(80) NULL,
  start DATETIME NULL,
  answer DATETIME NULL,
  end DATETIME NULL,
  duration INTEGER NULL,
  billsec INTEGER NULL,
  disposition VARCHAR(45) NULL,
  amaflags VARCHAR(45) NULL,
  userfield VARCHAR(256) NULL,
  uniqueid VARCHAR(150) NULL,
  linkedid VARCHAR(150) NULL,
  peeraccount VARCHAR(80) NULL,
  sequence INTEGER NULL,
  KEY cdr_uniqueid (uniqueid),
  KEY cdr_linkedid (linkedid),
  KEY cdr_start (start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

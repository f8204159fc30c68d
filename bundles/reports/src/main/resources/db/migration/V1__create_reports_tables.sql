-- Reports: what has been read from Asterisk's queue_log, one row per call in a queue, and the hourly sums the
-- reports are computed from. Everything here can be rebuilt from queue_log (report:rebuild).

-- How far each source has been read: the last queue_log id ingested, or the byte offset of a followed file;
-- settings holds the aggregation settings the sums were made with (a change makes the module rebuild).
CREATE TABLE reports_state (
  source VARCHAR(255) NOT NULL PRIMARY KEY,
  position BIGINT NOT NULL,
  settings VARCHAR(2000) NOT NULL DEFAULT '',
  updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Lines of a queue_log file (queue_log.file), copied as they are written, for sites that log to a file.
CREATE TABLE reports_file_log (
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
  KEY reports_file_log_callid (callid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One caller's stay in one queue (one ENTERQUEUE), for drill-downs. Times in UTC.
CREATE TABLE reports_call (
  enter_id BIGINT NOT NULL PRIMARY KEY,
  callid VARCHAR(80) NOT NULL,
  queue VARCHAR(128) NOT NULL,
  caller VARCHAR(80) NOT NULL DEFAULT '',
  entered_at DATETIME(6) NOT NULL,
  -- the agent who answered; '' when none did
  agent VARCHAR(128) NOT NULL DEFAULT '',
  -- waiting, talking (open), or answered, transferred, abandoned, short_abandon, timeout, key, empty, withdraw
  status VARCHAR(16) NOT NULL,
  wait_s INT NOT NULL DEFAULT 0,
  talk_s INT NOT NULL DEFAULT 0,
  position INT NOT NULL DEFAULT 0,
  exit_key VARCHAR(8) NOT NULL DEFAULT '',
  ring_no_answer INT NOT NULL DEFAULT 0,
  -- the same caller number called again within fcr.window.hours
  repeated BOOLEAN NOT NULL DEFAULT FALSE,
  ended_at DATETIME(6) NULL,
  KEY reports_call_callid (callid, queue),
  KEY reports_call_caller (caller, entered_at),
  KEY reports_call_status (status, entered_at),
  KEY reports_call_entered (entered_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Sums of the ended calls per UTC hour of entry, site-zone day of entry, queue and agent ('' none). A UTC hour
-- that straddles two site-zone days (zones with a 30 or 45 minute offset) has one row per day.
CREATE TABLE reports_hourly (
  hour_utc DATETIME NOT NULL,
  local_date DATE NOT NULL,
  queue VARCHAR(128) NOT NULL,
  agent VARCHAR(128) NOT NULL,
  offered INT NOT NULL DEFAULT 0,
  answered INT NOT NULL DEFAULT 0,
  answered_in_sl INT NOT NULL DEFAULT 0,
  abandoned INT NOT NULL DEFAULT 0,
  short_abandoned INT NOT NULL DEFAULT 0,
  timed_out INT NOT NULL DEFAULT 0,
  exited_key INT NOT NULL DEFAULT 0,
  exited_empty INT NOT NULL DEFAULT 0,
  other_exits INT NOT NULL DEFAULT 0,
  transferred INT NOT NULL DEFAULT 0,
  wait_sum BIGINT NOT NULL DEFAULT 0,
  wait_max INT NOT NULL DEFAULT 0,
  answered_wait_sum BIGINT NOT NULL DEFAULT 0,
  talk_sum BIGINT NOT NULL DEFAULT 0,
  ring_no_answer INT NOT NULL DEFAULT 0,
  fcr_eligible INT NOT NULL DEFAULT 0,
  repeated INT NOT NULL DEFAULT 0,
  PRIMARY KEY (hour_utc, local_date, queue, agent),
  KEY reports_hourly_date (local_date, queue, agent)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

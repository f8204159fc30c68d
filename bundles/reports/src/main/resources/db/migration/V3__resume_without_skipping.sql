-- What ingestion needs to skip no queue_log row and never stop (docs/reports.md, "When queue_log misbehaves").

-- id_base is added to queue_log ids to make reports_call.enter_id: it grows when the table was emptied or
-- recreated (its ids started again), so the new calls never overwrite the old ones. fingerprint tells the source
-- read before from another one: the time, callid and event of the last row read, or a followed file's identity
-- (inode) and first bytes.
ALTER TABLE reports_state
  ADD COLUMN id_base BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN fingerprint VARCHAR(255) NOT NULL DEFAULT '';

-- queue_log ids below the last id read that were not there yet: Asterisk writes through several connections, so
-- a row can commit after a later one. They are read when they appear; an id still missing after
-- queue_log.gap.seconds is given up (a rolled-back insert leaves one for ever).
CREATE TABLE reports_gap (
  source VARCHAR(255) NOT NULL,
  first_id BIGINT NOT NULL,
  last_id BIGINT NOT NULL,
  noticed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (source, first_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- queue_log rows and file lines that cannot be counted (a value longer than the reports' column holds, no usable
-- time, not a queue_log line), kept out of the sums so that ingestion goes on; report:status counts them.
-- position: the queue_log id, or the byte offset of the line in the file; raw_line: the values as read,
-- separated by '|', cut at 10,000 characters.
CREATE TABLE reports_set_aside (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source VARCHAR(255) NOT NULL,
  position BIGINT NOT NULL,
  raw_line TEXT NOT NULL,
  reason VARCHAR(255) NOT NULL,
  set_aside_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY reports_set_aside_source (source, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

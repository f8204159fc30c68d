-- IVR visits: one row per caller's passage through a menu file, written when the caller leaves the IVR (or
-- hangs up in it). Caller numbers are not stored here: the CDR row of the same uniqueid already has them.
CREATE TABLE ivr_visit (
  id CHAR(36) NOT NULL PRIMARY KEY,
  -- the menu file (etc/callscore/ivr/NAME.ivr) and the SHA-256 of its text at the time of the call
  tree VARCHAR(64) NOT NULL,
  tree_sha256 CHAR(64) NOT NULL,
  uniqueid VARCHAR(64) NOT NULL,
  linkedid VARCHAR(64) NULL,
  entry_menu VARCHAR(64) NOT NULL,
  exit_menu VARCHAR(64) NOT NULL,
  -- the keys, as menu:key steps separated by spaces ('t' = silence), e.g. 'main:1 sales:t sales:2'
  path VARCHAR(2000) NOT NULL,
  keys_pressed INT NOT NULL,
  -- queue, extension, goto, survey, hangup, agent; NULL when the caller hung up in the IVR
  exit_type VARCHAR(16) NULL,
  exit_target VARCHAR(160) NULL,
  -- selected, agent, retries-exhausted, closed, caller-hangup
  status VARCHAR(20) NOT NULL,
  agent_requested BOOLEAN NOT NULL,
  caller_hung_up BOOLEAN NOT NULL,
  -- what the business hours said at the first menu with hours; NULL when no such menu was met
  site_open BOOLEAN NULL,
  started_at TIMESTAMP(3) NOT NULL,
  ended_at TIMESTAMP(3) NOT NULL,
  duration_ms BIGINT NOT NULL,
  KEY ivr_visit_started (started_at),
  KEY ivr_visit_tree (tree, started_at),
  KEY ivr_visit_uniqueid (uniqueid),
  KEY ivr_visit_linkedid (linkedid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

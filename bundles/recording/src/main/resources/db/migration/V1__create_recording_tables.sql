-- The recording index: one row per recording file, its access log, caller holds and files nobody can match.

CREATE TABLE recording (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  server VARCHAR(64) NOT NULL,
  -- the caller's channel (queue_log callid, CDR uniqueid) once matched; until then the recorded channel's
  uniqueid VARCHAR(64) NOT NULL,
  -- the channel MixMonitor ran on, as the dialplan told it
  channel_uniqueid VARCHAR(64) NOT NULL,
  linkedid VARCHAR(64) NULL,
  -- QUEUE_CALL, WHOLE_CALL, IVR, VOICE_COMMENT, VOICEMAIL
  kind VARCHAR(16) NOT NULL,
  -- the caller's number normalised (digits, leading + kept) from the CDR, and its digits reversed, so that a
  -- search by the number's last digits is an index range
  caller VARCHAR(40) NULL,
  caller_reversed VARCHAR(40) NULL,
  agent VARCHAR(128) NULL,
  queue VARCHAR(128) NULL,
  started_at TIMESTAMP(3) NOT NULL,
  stopped_at TIMESTAMP(3) NULL,
  duration_ms BIGINT NULL,
  size_bytes BIGINT NOT NULL DEFAULT 0,
  format VARCHAR(8) NOT NULL,
  -- relative to the recordings folder; NULL once purged (the row stays as a tombstone)
  file VARCHAR(255) NULL,
  sha256 CHAR(64) NULL,
  -- RECORDING, READY, PURGED
  state VARCHAR(10) NOT NULL,
  -- caller, agent and queue looked up (or given up on)
  matched BOOLEAN NOT NULL DEFAULT FALSE,
  survey_response CHAR(36) NULL,
  mean_score DECIMAL(4,2) NULL,
  complaint BOOLEAN NOT NULL DEFAULT FALSE,
  held BOOLEAN NOT NULL DEFAULT FALSE,
  hold_reason VARCHAR(255) NULL,
  -- readiness: the size seen at the last scan and since when it has not changed
  seen_size BIGINT NULL,
  seen_since TIMESTAMP(3) NULL,
  purged_at TIMESTAMP(3) NULL,
  purge_reason VARCHAR(255) NULL,
  UNIQUE KEY recording_file (file),
  UNIQUE KEY recording_channel (server, channel_uniqueid, kind),
  KEY recording_started (started_at),
  KEY recording_state (state, id),
  KEY recording_agent (agent, started_at),
  KEY recording_queue (queue, started_at),
  KEY recording_caller (caller_reversed, started_at),
  KEY recording_score (mean_score, started_at),
  KEY recording_uniqueid (uniqueid),
  KEY recording_linkedid (linkedid),
  KEY recording_response (survey_response)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every attempt to hear, download, hold, release or purge a recording, granted or refused.
CREATE TABLE recording_access (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  recording_id BIGINT NOT NULL,
  user VARCHAR(128) NOT NULL,
  address VARCHAR(64) NOT NULL,
  at TIMESTAMP(3) NOT NULL,
  action VARCHAR(10) NOT NULL,
  granted BOOLEAN NOT NULL,
  detail VARCHAR(500) NOT NULL,
  KEY recording_access_at (at),
  KEY recording_access_recording (recording_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A legal hold on every recording of a caller, those indexed later too.
CREATE TABLE recording_caller_hold (
  caller VARCHAR(40) NOT NULL PRIMARY KEY,
  reason VARCHAR(255) NOT NULL,
  held_by VARCHAR(128) NOT NULL,
  held_at TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Files in the recordings folder that no recording can be matched to, as the folder scan found them.
CREATE TABLE recording_stray (
  file VARCHAR(255) NOT NULL PRIMARY KEY,
  size_bytes BIGINT NOT NULL,
  found_at TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

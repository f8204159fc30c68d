-- Callbacks: a customer's request to be called back, its history and the attempts to place the call.
-- The id is chosen when the callback is requested, so a request written late from the spool (MariaDB down at the
-- time) is written once. The customer's number is personal data: only this module reads these tables.
CREATE TABLE callback (
  id CHAR(36) NOT NULL PRIMARY KEY,
  queue VARCHAR(128) NOT NULL,
  -- digits, a leading + kept
  customer_number VARCHAR(32) NOT NULL,
  -- an IANA zone id, e.g. Europe/Paris: what the customer's "tomorrow at 10" meant
  customer_zone VARCHAR(64) NOT NULL,
  -- the agent it is assigned to (queue_log's agent column); NULL: any agent of the queue
  agent VARCHAR(128) NULL,
  reason VARCHAR(500) NOT NULL DEFAULT '',
  -- PHONE, DASHBOARD, CONSOLE, SURVEY
  source VARCHAR(16) NOT NULL,
  requested_at TIMESTAMP(3) NOT NULL,
  -- the time the customer asked for; NULL: as soon as possible
  asked_for TIMESTAMP(3) NULL,
  due_at TIMESTAMP(3) NOT NULL,
  expires_at TIMESTAMP(3) NOT NULL,
  -- SCHEDULED, DIALLING, DONE, FAILED, EXPIRED, CANCELLED
  state VARCHAR(16) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  sequence INT NOT NULL DEFAULT 0,
  call_uniqueid VARCHAR(64) NULL,
  -- at most one callback per survey response
  survey_response CHAR(36) NULL,
  closed_at TIMESTAMP(3) NULL,
  -- when the reminder of the current due time was recorded (NULL again after a move)
  reminded_at TIMESTAMP(3) NULL,
  updated_at TIMESTAMP(3) NOT NULL,
  -- the node that claimed it (state DIALLING) and until when its claim holds unless renewed
  lease_owner VARCHAR(64) NULL,
  lease_until TIMESTAMP(3) NULL,
  UNIQUE KEY callback_survey_response (survey_response),
  KEY callback_due (state, due_at),
  KEY callback_lease (state, lease_until),
  KEY callback_queue (queue, state, due_at),
  KEY callback_agent (agent, state, due_at),
  KEY callback_requested (requested_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a callback, oldest first.
CREATE TABLE callback_change (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  callback_id CHAR(36) NOT NULL,
  at TIMESTAMP(3) NOT NULL,
  -- CREATED, MOVED, ASSIGNED, REMINDED, ATTEMPT_STARTED, ATTEMPT_ENDED, DONE, FAILED, EXPIRED, CANCELLED, CLOSED
  kind VARCHAR(16) NOT NULL,
  -- a login name, phone, survey, or the CallScore node for its own steps
  actor VARCHAR(128) NOT NULL,
  detail VARCHAR(1000) NOT NULL DEFAULT '',
  KEY callback_change_callback (callback_id, id),
  CONSTRAINT callback_change_callback FOREIGN KEY (callback_id) REFERENCES callback (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One attempt to place a callback. channel_id is the uniqueid given to Asterisk (Originate ChannelId): one per
-- attempt, so Asterisk itself refuses a second dial of the same attempt; the CDR row with that uniqueid is the
-- agent's leg, and the customer's leg has it as linkedid.
CREATE TABLE callback_attempt (
  callback_id CHAR(36) NOT NULL,
  number INT NOT NULL,
  channel_id CHAR(36) NOT NULL,
  node VARCHAR(64) NOT NULL,
  -- the Asterisk server and the agent's interface it was placed on (NULL until chosen)
  server VARCHAR(64) NULL,
  agent_interface VARCHAR(128) NULL,
  claimed_at TIMESTAMP(3) NOT NULL,
  dialled_at TIMESTAMP(3) NULL,
  ended_at TIMESTAMP(3) NULL,
  -- ANSWERED, BUSY, NO_ANSWER, AGENT_NO_ANSWER, FAILED, LOST; NULL while it runs
  outcome VARCHAR(16) NULL,
  -- what Asterisk said: the OriginateResponse reason, the customer leg's DIALSTATUS, the CDR's disposition
  detail VARCHAR(255) NOT NULL DEFAULT '',
  agent_uniqueid VARCHAR(64) NULL,
  customer_uniqueid VARCHAR(64) NULL,
  PRIMARY KEY (callback_id, number),
  UNIQUE KEY callback_attempt_channel (channel_id),
  KEY callback_attempt_open (ended_at, server),
  CONSTRAINT callback_attempt_callback FOREIGN KEY (callback_id) REFERENCES callback (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per queue, locked while a node claims that queue's due callbacks, so that two nodes never together
-- claim more callbacks than the queue has free agents.
CREATE TABLE callback_queue_claim (
  queue VARCHAR(128) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

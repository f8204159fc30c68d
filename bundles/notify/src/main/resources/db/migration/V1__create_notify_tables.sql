-- Notification campaigns: their definitions, their numbers (personal data: only this module reads these tables),
-- each attempt to call a number, and the do-not-call list.
CREATE TABLE notify_campaign (
  id CHAR(36) NOT NULL PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  -- SOUND or RECORDED, and the sound's or recorded message's name
  message_source VARCHAR(16) NOT NULL,
  message_name VARCHAR(200) NOT NULL,
  first_day DATE NOT NULL,
  last_day DATE NOT NULL,
  daily_from TIME NOT NULL,
  daily_until TIME NOT NULL,
  -- an IANA zone for customers imported without one; NULL: the site's zone
  zone VARCHAR(64) NULL,
  max_in_flight INT NOT NULL,
  starts_per_second INT NOT NULL,
  -- per retried outcome: OUTCOME=delay seconds:attempts, separated by commas (e.g. BUSY=600:3,NO_ANSWER=1800:2)
  retries VARCHAR(255) NOT NULL DEFAULT '',
  -- LEAVE_AFTER_BEEP or HANG_UP_AND_RETRY
  machine VARCHAR(24) NOT NULL,
  key_repeat CHAR(1) NULL,
  key_agent CHAR(1) NULL,
  agent_queue VARCHAR(128) NULL,
  key_opt_out CHAR(1) NULL,
  -- DRAFT, RUNNING, PAUSED, STOPPED, FINISHED
  state VARCHAR(16) NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  created_by VARCHAR(128) NOT NULL,
  changed_at TIMESTAMP(3) NOT NULL,
  UNIQUE KEY notify_campaign_name (name),
  KEY notify_campaign_state (state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One number of a campaign, in import order (id).
CREATE TABLE notify_number (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  campaign_id CHAR(36) NOT NULL,
  -- digits, a leading + kept
  number VARCHAR(32) NOT NULL,
  name VARCHAR(200) NOT NULL DEFAULT '',
  zone VARCHAR(64) NULL,
  -- the other columns of the import: key=value lines, both URL-encoded
  fields TEXT NOT NULL,
  -- WAITING, IN_FLIGHT, DONE, FAILED, DO_NOT_CALL, NOT_CALLED
  state VARCHAR(16) NOT NULL,
  outcome VARCHAR(16) NULL,
  attempts INT NOT NULL DEFAULT 0,
  heard_ms BIGINT NOT NULL DEFAULT 0,
  pressed VARCHAR(64) NOT NULL DEFAULT '',
  -- not called before this (a retry's delay, or the next opening of the window in the customer's zone)
  due_at TIMESTAMP(3) NOT NULL,
  last_attempt_at TIMESTAMP(3) NULL,
  -- the node that claimed it (IN_FLIGHT) and until when its claim holds unless renewed
  lease_owner VARCHAR(64) NULL,
  lease_until TIMESTAMP(3) NULL,
  updated_at TIMESTAMP(3) NOT NULL,
  UNIQUE KEY notify_number_campaign (campaign_id, number),
  KEY notify_number_due (campaign_id, state, due_at, id),
  KEY notify_number_lease (state, lease_until),
  CONSTRAINT notify_number_campaign FOREIGN KEY (campaign_id) REFERENCES notify_campaign (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One attempt to call a number. channel_id is the uniqueid given to Asterisk (Originate ChannelId): one per
-- attempt, so Asterisk itself refuses a second dial of the same attempt, and the CDR row with that uniqueid is it.
CREATE TABLE notify_attempt (
  channel_id CHAR(36) NOT NULL PRIMARY KEY,
  number_id BIGINT NOT NULL,
  campaign_id CHAR(36) NOT NULL,
  attempt INT NOT NULL,
  node VARCHAR(64) NOT NULL,
  server VARCHAR(64) NULL,
  claimed_at TIMESTAMP(3) NOT NULL,
  -- written and committed before the Originate is sent: NULL means never dialled
  dialled_at TIMESTAMP(3) NULL,
  ended_at TIMESTAMP(3) NULL,
  -- ANSWERED, MACHINE, BUSY, NO_ANSWER, FAILED, OPTED_OUT, LOST
  outcome VARCHAR(16) NULL,
  detail VARCHAR(255) NOT NULL DEFAULT '',
  heard_ms BIGINT NOT NULL DEFAULT 0,
  pressed VARCHAR(64) NOT NULL DEFAULT '',
  to_agent BOOLEAN NOT NULL DEFAULT FALSE,
  UNIQUE KEY notify_attempt_number (number_id, attempt),
  KEY notify_attempt_started (campaign_id, dialled_at),
  KEY notify_attempt_ended (ended_at),
  CONSTRAINT notify_attempt_number FOREIGN KEY (number_id) REFERENCES notify_number (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Numbers no campaign calls.
CREATE TABLE notify_do_not_call (
  number VARCHAR(32) NOT NULL PRIMARY KEY,
  reason VARCHAR(200) NOT NULL DEFAULT '',
  added_by VARCHAR(128) NOT NULL,
  added_at TIMESTAMP(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per ping, so an administrator can see that (and when) Asterisk got through.
-- No caller number: ping is a wiring check, not a call record.
CREATE TABLE ping_log (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  received_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  asterisk_version VARCHAR(40) NULL,
  channel VARCHAR(128) NULL,
  uniqueid VARCHAR(64) NULL,
  KEY ping_log_received (received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Calendar feeds of callbacks: one secret address per agent or queue. Only the secret's SHA-256 is kept (the
-- secret is 32 random bytes, shown once when it is issued), so a copy of this table opens no feed.
CREATE TABLE callback_feed (
  owner_kind VARCHAR(8) NOT NULL,
  owner_name VARCHAR(128) NOT NULL,
  secret_sha256 CHAR(64) NOT NULL,
  issued_at TIMESTAMP(3) NOT NULL,
  issued_by VARCHAR(200) NOT NULL,
  PRIMARY KEY (owner_kind, owner_name),
  UNIQUE KEY callback_feed_secret (secret_sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The voice message a callback came from (a voicemail when nobody answered): the file as Asterisk plays it to the
-- agent, its recording in the recording index (NULL when that did not answer at the time), and its length.
ALTER TABLE callback ADD COLUMN message_file VARCHAR(255) NULL, ADD COLUMN message_recording BIGINT NULL,
  ADD COLUMN message_ms INT NULL;

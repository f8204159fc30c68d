-- When the attempt's channel was gone (Asterisk's Hangup event for the channel id, else its CDR row, written at
-- hang-up). An attempt the notify application ended (message heard, opted out, put through to an agent) is still a
-- call on the line until then: the in-flight limit counts it, so the campaign never has more channels up than its
-- limit. NULL on an ended attempt: the line may still be up.
ALTER TABLE notify_attempt ADD COLUMN hung_up_at TIMESTAMP(3) NULL AFTER ended_at,
  ADD KEY notify_attempt_hanging (campaign_id, hung_up_at);

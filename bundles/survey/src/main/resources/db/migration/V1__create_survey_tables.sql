-- Post-call surveys: the definitions callers were offered, one row per offer, one row per answer.
-- Caller numbers are not stored here: the CDR row of the same uniqueid already has them.

-- Every version of a survey file that was offered, so old answers keep pointing at the questions they answered.
CREATE TABLE survey_version (
  survey VARCHAR(64) NOT NULL,
  sha256 CHAR(64) NOT NULL,
  definition MEDIUMTEXT NOT NULL,
  first_offered_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (survey, sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One survey offered to one caller. The id is chosen when the survey starts, so a response written late
-- from the journal (database down during the call) is written once.
CREATE TABLE survey_response (
  id CHAR(36) NOT NULL PRIMARY KEY,
  survey VARCHAR(64) NOT NULL,
  survey_sha256 CHAR(64) NOT NULL,
  uniqueid VARCHAR(64) NOT NULL,
  linkedid VARCHAR(64) NULL,
  queue VARCHAR(128) NULL,
  agent VARCHAR(128) NULL,
  started_at TIMESTAMP(3) NOT NULL,
  ended_at TIMESTAMP(3) NULL,
  -- in_progress until the call leaves the survey; then completed, partial, declined or unanswered
  status VARCHAR(16) NOT NULL,
  questions INT NOT NULL,
  comment_path VARCHAR(255) NULL,
  KEY survey_response_started (started_at),
  KEY survey_response_queue (queue, started_at),
  KEY survey_response_agent (agent, started_at),
  KEY survey_response_uniqueid (uniqueid),
  KEY survey_response_linkedid (linkedid),
  CONSTRAINT survey_response_version FOREIGN KEY (survey, survey_sha256) REFERENCES survey_version (survey, sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One valid key press answering one question; stored as soon as it is given.
CREATE TABLE survey_answer (
  response_id CHAR(36) NOT NULL,
  question_id VARCHAR(64) NOT NULL,
  position INT NOT NULL,
  -- FIVE_POINT (1-5), ZERO_TO_TEN (0-10) or YES_NO (1 yes, 0 no)
  scale VARCHAR(16) NOT NULL,
  dimension VARCHAR(64) NOT NULL DEFAULT '',
  score INT NOT NULL,
  -- this answer makes the call a complaint (lowest score on a complaint.on.lowest question, or yes on a
  -- complaint.on.yes question)
  complaint BOOLEAN NOT NULL DEFAULT FALSE,
  -- how many times the question was asked before this answer (1 = first time)
  attempts INT NOT NULL,
  answered_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (response_id, question_id),
  CONSTRAINT survey_answer_response FOREIGN KEY (response_id) REFERENCES survey_response (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One collation in the whole database: utf8mb4_unicode_ci, as the database is created and as Asterisk's queue_log
-- and cdr tables are (dialplan/asterisk-tables.sql). V1 left these tables at utf8mb4_general_ci, and a join
-- with the CDR on uniqueid failed with ERROR 1267 (illegal mix of collations).
-- The foreign keys are taken off while their columns change collation, then put back as they were; IF EXISTS
-- and IF NOT EXISTS let a run that stopped half-way be run again.
ALTER TABLE survey_answer DROP FOREIGN KEY IF EXISTS survey_answer_response;
ALTER TABLE survey_response DROP FOREIGN KEY IF EXISTS survey_response_version;
ALTER TABLE survey_version CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE survey_response CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE survey_answer CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE survey_response ADD CONSTRAINT survey_response_version FOREIGN KEY IF NOT EXISTS (survey, survey_sha256)
  REFERENCES survey_version (survey, sha256);
ALTER TABLE survey_answer ADD CONSTRAINT survey_answer_response FOREIGN KEY IF NOT EXISTS (response_id)
  REFERENCES survey_response (id) ON DELETE CASCADE;

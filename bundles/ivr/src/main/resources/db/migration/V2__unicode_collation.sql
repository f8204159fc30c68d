-- One collation in the whole database: utf8mb4_unicode_ci, as the database is created and as Asterisk's queue_log
-- and cdr tables are (dialplan/asterisk-tables.sql). V1 left this table at utf8mb4_general_ci, and a join with
-- the CDR on uniqueid failed with ERROR 1267 (illegal mix of collations).
ALTER TABLE ivr_visit CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

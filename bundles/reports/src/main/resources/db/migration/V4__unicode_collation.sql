-- One collation in the whole database: utf8mb4_unicode_ci, as the database is created and as Asterisk's queue_log
-- and cdr tables are (dialplan/asterisk-tables.sql). V1 and V2 left these tables at utf8mb4_general_ci, so a join
-- of reports_call with queue_log or cdr on the call's uniqueid failed with ERROR 1267 (illegal mix of collations).
-- (V3 created its tables with this collation already.)
ALTER TABLE reports_state CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE reports_file_log CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE reports_call CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE reports_hourly CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE reports_daily CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Due rows in the order claims take them (due time, then request time; InnoDB adds the id), so that a claim's
-- SELECT ... FOR UPDATE SKIP LOCKED reads and locks only the rows it takes. With V1's index a sort was needed, and
-- the sort locked every due row: a second node claimed nothing while the first one's claim was open.
ALTER TABLE callback DROP INDEX callback_due, ADD INDEX callback_due (state, due_at, requested_at);

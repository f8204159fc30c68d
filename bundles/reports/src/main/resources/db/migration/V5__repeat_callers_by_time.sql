-- Repeat callers beyond what ingestion holds in memory are looked up by time, with the caller in the same index,
-- instead of through an index on the caller. Callers' numbers arrive in no order, so every call counted inserted
-- into a random page of that index, and once reports_call outgrew MariaDB's buffer pool each insert waited for a
-- disk read (docs/benchmarks.md). Calls arrive in time order: this index grows at its end, as the others do.
ALTER TABLE reports_call DROP INDEX reports_call_caller, DROP INDEX reports_call_entered,
  ADD INDEX reports_call_entered (entered_at, caller);

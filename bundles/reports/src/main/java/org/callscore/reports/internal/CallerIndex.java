package org.callscore.reports.internal;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * reports_call's index on the caller, left out while a rebuild fills the table. Calls arrive in time order, so
 * every other index of reports_call grows at its end; the callers' numbers come in no order, and once the table
 * outgrows MariaDB's buffer pool each insert into that index waits for a page read from disk (a 10 M-row rebuild
 * spent most of its time there). Built once at the end, the index is sorted in one pass. A rebuild that needs it
 * earlier (a caller's earlier call beyond what ingestion holds in memory) adds it first; an ingestion that finds
 * it missing (a rebuild stopped midway, the process killed) adds it before it reads anything.
 */
final class CallerIndex {

    private static final Logger LOG = LoggerFactory.getLogger(CallerIndex.class);
    static final String NAME = "reports_call_caller";
    /** as V1__create_reports_tables.sql creates it (IngestionTest compares them) */
    static final String COLUMNS = "caller, entered_at";

    private final Jdbi jdbi;
    /** known to be there: checked once per instance, then kept up to date by drop() and add() */
    private boolean present;

    CallerIndex(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Drops the index of an emptied table, where the database allows it (the ALTER privilege).
     *
     * @return whether it was dropped
     */
    boolean drop() {
        if (!exists()) {
            return false;
        }
        try {
            jdbi.useHandle(h -> h.execute("ALTER TABLE reports_call DROP INDEX " + NAME));
        } catch (RuntimeException e) {
            LOG.debug("Reports: keeping {} during the rebuild ({})", NAME, e.toString());
            return false;
        }
        present = false;
        return true;
    }

    /** Adds the index if it is missing. */
    void ensure() {
        if (present) {
            return;
        }
        if (!exists()) {
            long started = System.nanoTime();
            try {
                jdbi.useHandle(h -> h.execute("ALTER TABLE reports_call ADD INDEX " + NAME + " (" + COLUMNS + ")"));
            } catch (RuntimeException e) {
                if (!exists()) { // not another instance's ALTER that came first
                    // without it repeat callers are still found, each look-up reading the whole table: go on
                    LOG.warn("Reports: reports_call has no index {} and it could not be added ({}); add it with "
                            + "ALTER TABLE reports_call ADD INDEX {} ({})", NAME, e.getMessage(), NAME, COLUMNS);
                }
                present = true;
                return;
            }
            LOG.info("Reports: index {} of reports_call built in {} ms", NAME, (System.nanoTime() - started) / 1_000_000);
        }
        present = true;
    }

    private boolean exists() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM information_schema.statistics WHERE "
                + "table_schema = DATABASE() AND table_name = 'reports_call' AND index_name = :name")
                .bind("name", NAME).mapTo(Integer.class).one()) > 0;
    }
}

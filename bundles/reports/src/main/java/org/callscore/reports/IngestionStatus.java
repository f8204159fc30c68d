package org.callscore.reports;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the reading of queue_log stands.
 *
 * @param source        the table (or followed file) read
 * @param lastId        the id of the last queue_log row ingested (0: none yet)
 * @param openCalls     calls still waiting or talking, so not yet in the sums
 * @param lastRun       when the last ingestion ended, if any
 * @param problem       why the last ingestion failed, if it did
 * @param rebuildProgress while a rebuild runs, the share done, 0 to 1
 * @param awaitedIds    queue_log ids below {@code lastId} not there yet (a row committed after a later one), still
 *                      looked for until queue_log.gap.seconds have passed
 * @param setAside      queue_log rows and file lines set aside, not counted (table reports_set_aside)
 */
public record IngestionStatus(String source, long lastId, int openCalls, Optional<Instant> lastRun,
        Optional<String> problem, Optional<Double> rebuildProgress, long awaitedIds, long setAside) {

    /** Without awaited ids or rows set aside. */
    public IngestionStatus(String source, long lastId, int openCalls, Optional<Instant> lastRun,
            Optional<String> problem, Optional<Double> rebuildProgress) {
        this(source, lastId, openCalls, lastRun, problem, rebuildProgress, 0, 0);
    }
}

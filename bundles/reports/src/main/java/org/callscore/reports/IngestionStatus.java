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
 */
public record IngestionStatus(String source, long lastId, int openCalls, Optional<Instant> lastRun,
        Optional<String> problem, Optional<Double> rebuildProgress) {
}

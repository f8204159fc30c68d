package org.callscore.reports;

import java.time.ZoneId;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.callscore.scoring.LowScoredResponse;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Service-level reports from the calls ingested from queue_log (every few seconds), the CDR (busy rate) and the
 * survey module (survey indices, problem solved, complaints). Sums are read from hourly aggregates, so a month
 * answers in a fraction of a second whatever the size of queue_log; drill-downs read the per-call rows.
 */
@ProviderType
public interface ServiceReports {

    /**
     * The module name of the reports' tables, as its bundle declares them ({@code ModuleSchema}) and as
     * {@code Database.isReady} and {@code callscore:status} name them.
     */
    String SCHEMA = "reports";

    /**
     * @param query which calls, grouped how
     * @return one row per group that has at least one call, sorted by group key; for {@link ReportGroup#AGENT}
     *         sorted by key too (rank with {@link #ranking})
     * @throws IllegalStateException when the database does not answer or the reports tables are not ready
     * @throws IllegalArgumentException when the zone cannot be cut from UTC hours (see {@link ReportQuery})
     */
    List<ReportRow> report(ReportQuery query);

    /**
     * @param query which calls; its grouping is ignored
     * @param by    the figure agents are ranked by, best first
     * @return one row per agent who answered at least one call, best first; agents without the figure last
     */
    List<ReportRow> ranking(ReportQuery query, Ranking by);

    /**
     * @param query which calls (their entry day, queue, agent); grouping ignored
     * @param limit at most this many, newest first
     * @return the abandoned calls, short abandons included (their outcome tells them apart)
     */
    List<CallRecord> abandoned(ReportQuery query, int limit);

    /**
     * @param query which calls; grouping ignored
     * @param limit at most this many, newest first
     * @return calls whose caller called again within the first-call-resolution window
     */
    List<CallRecord> repeatCallers(ReportQuery query, int limit);

    /**
     * @param query   which calls (the day their survey started, queue, agent); grouping ignored
     * @param maxMean a call whose mean 1-5 score is at most this is low-scored (e.g. 2.0)
     * @param limit   at most this many, newest first
     * @return surveyed calls with a complaint or a mean score at most {@code maxMean}; empty without the survey
     *         module's tables
     */
    List<LowScoredResponse> lowScored(ReportQuery query, double maxMean, int limit);

    /** @return the zone reports are cut in unless a query asks for another (configuration site.zone) */
    ZoneId siteZone();

    /** @return where the ingestion stands */
    IngestionStatus status();

    /**
     * Empties the aggregates and reads the whole queue_log again (e.g. after a change of the service-level
     * threshold, which the module also detects and acts on by itself). Reports show partial figures meanwhile.
     *
     * @param progress told the share done, 0 to 1, as the rebuild goes
     * @return the number of queue_log rows read
     */
    long rebuild(DoubleConsumer progress);

    /** The figures agents can be ranked by. */
    enum Ranking {
        /** calls answered, most first */
        ANSWERED,
        /** average handle time, shortest first */
        HANDLE_TIME,
        /** first-call resolution by repeat callers, highest first */
        FIRST_CALL_RESOLUTION,
        /** ring-no-answer count, fewest first */
        RING_NO_ANSWER,
        /** survey CSAT, highest first */
        CSAT,
        /** survey mean score, highest first */
        SURVEY_MEAN
    }
}

package org.callscore.reports.internal;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to the hotline and the busy ones among them, from Asterisk's CDR, per period group; nothing by queue
 * or agent. A call is its linkedid: with Queue(...,c) a surveyed call leaves two first legs (uniqueid =
 * linkedid), the queue part and the survey part, and counting rows would understate the rate. A call is busy
 * when one of its first legs is BUSY and none is ANSWERED.
 */
final class BusyCalls {

    private static final Logger LOG = LoggerFactory.getLogger(BusyCalls.class);

    private final Jdbi jdbi;
    private final Settings settings;
    private final Consumer<String> cdrProblem;

    /**
     * @param cdrProblem told why a cdr table there is cannot be read for the busy rate, or null when it was read
     *                   (or there is none)
     */
    BusyCalls(Jdbi jdbi, Settings settings, Consumer<String> cdrProblem) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.cdrProblem = cdrProblem;
    }

    /** @return per group key: [calls, busy] */
    Map<String, long[]> counts(ReportQuery query) {
        Map<String, long[]> counts = new HashMap<>();
        if (query.groupBy() == ReportGroup.QUEUE || query.groupBy() == ReportGroup.AGENT || query.queue().isPresent()
                || query.agent().isPresent()) {
            return counts;
        }
        // cdr.start is the PBX's local time
        ReportFilter filter = ReportFilter.wallClock(query, "start", settings.pbxZone());
        String sql = "SELECT MIN(start), MAX(disposition = 'BUSY') AND NOT MAX(disposition = 'ANSWERED') FROM cdr "
                + "WHERE " + filter.sql() + " AND uniqueid = linkedid"
                + (settings.hotlineNumbers().isEmpty() ? "" : " AND dst IN (<numbers>)") + " GROUP BY linkedid";
        try {
            jdbi.useHandle(h -> {
                Query select = filter.bind(h.createQuery(sql));
                if (!settings.hotlineNumbers().isEmpty()) {
                    select.bindList("numbers", List.copyOf(settings.hotlineNumbers()));
                }
                select.map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDateTime.class), rs.getBoolean(2)))
                        .forEach(row -> {
                            Bucket bucket = Bucket.of(row.getKey().atZone(settings.pbxZone()).toInstant(),
                                    query.zone(), "", "");
                            long[] c = counts.computeIfAbsent(ReportBuilder.key(bucket, query, true),
                                    k -> new long[2]);
                            c[0]++;
                            c[1] += row.getValue() ? 1 : 0;
                        });
            });
            cdrProblem.accept(null);
        } catch (RuntimeException e) {
            if (noSuchTable(e)) {
                LOG.debug("No busy rate: no cdr table ({})", e.getMessage());
                cdrProblem.accept(null);
            } else {
                // a cdr table that is there but cannot be read loses the busy rate: say why
                counts.clear();
                cdrProblem.accept("the cdr table cannot be read for the busy rate: " + e.getMessage());
            }
        }
        return counts;
    }

    private static boolean noSuchTable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == 1146) { // ER_NO_SUCH_TABLE
                return true;
            }
        }
        return false;
    }
}

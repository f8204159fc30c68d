package org.callscore.reports.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.function.Function;

import org.callscore.reports.CallRecord;
import org.callscore.reports.LowScoredCall;
import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.reports.ReportRow;
import org.callscore.scoring.GroupBy;
import org.callscore.scoring.ScoreQuery;
import org.callscore.scoring.ScoreRow;
import org.callscore.scoring.ScoreSummary;
import org.callscore.scoring.SurveyScores;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads reports: the hourly sums grouped as far as SQL can (the rest in {@link ReportBuilder}), the CDR's busy
 * calls, the survey's "problem solved" answers and, through {@link SurveyScores}, the survey figures.
 */
final class ReportReader {

    private static final Logger LOG = LoggerFactory.getLogger(ReportReader.class);
    private static final String SUMS = "SUM(offered), SUM(answered), SUM(answered_in_sl), SUM(abandoned), "
            + "SUM(short_abandoned), SUM(timed_out), SUM(exited_key), SUM(exited_empty), SUM(other_exits), "
            + "SUM(transferred), SUM(wait_sum), MAX(wait_max), SUM(answered_wait_sum), SUM(talk_sum), "
            + "SUM(ring_no_answer), SUM(fcr_eligible), SUM(repeated)";

    private final Jdbi jdbi;
    private final Settings settings;
    private final Optional<SurveyScores> surveyScores;
    private final boolean surveyTables;
    private final java.util.function.Consumer<String> cdrProblem;

    ReportReader(Jdbi jdbi, Settings settings, Optional<SurveyScores> surveyScores, boolean surveyTables) {
        this(jdbi, settings, surveyScores, surveyTables, problem -> { });
    }

    /**
     * @param cdrProblem told why a cdr table there is cannot be read for the busy rate, or null when it was read
     *                   (or there is none)
     */
    ReportReader(Jdbi jdbi, Settings settings, Optional<SurveyScores> surveyScores, boolean surveyTables,
            java.util.function.Consumer<String> cdrProblem) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.surveyScores = surveyScores;
        this.surveyTables = surveyTables;
        this.cdrProblem = cdrProblem;
    }

    List<ReportRow> report(ReportQuery query) {
        boolean siteDays = ReportBuilder.bySiteDays(query, settings);
        ReportGroup by = query.groupBy();
        // the columns SQL groups by: the queue always (its wrap-up), plus what the key is made of
        List<String> columns = new ArrayList<>(List.of("queue"));
        if (by == ReportGroup.AGENT) {
            columns.add("agent");
        } else if (by == ReportGroup.HOUR || (!siteDays && by != ReportGroup.ALL && by != ReportGroup.QUEUE)) {
            columns.add("hour_utc");
            columns.add("local_date");
        } else if (by != ReportGroup.ALL && by != ReportGroup.QUEUE) {
            columns.add("local_date");
        }
        Filter filter = filter(query, siteDays, "local_date", "hour_utc");
        // site-zone days need no hours: the daily sums hold 24 times fewer rows
        String table = siteDays && !columns.contains("hour_utc") ? "reports_daily" : "reports_hourly";
        String sql = "SELECT " + String.join(", ", columns) + ", " + SUMS + " FROM " + table + " WHERE "
                + filter.sql() + " GROUP BY " + String.join(", ", columns);
        Map<Bucket, Tally> sums = new LinkedHashMap<>();
        jdbi.useHandle(h -> {
            Query select = h.createQuery(sql);
            filter.values().forEach(select::bind);
            select.map((rs, ctx) -> {
                Bucket bucket = new Bucket(
                        columns.contains("hour_utc") ? rs.getObject("hour_utc", LocalDateTime.class)
                                .toInstant(ZoneOffset.UTC) : null,
                        columns.contains("local_date") ? rs.getObject("local_date", java.time.LocalDate.class) : null,
                        rs.getString("queue"), columns.contains("agent") ? rs.getString("agent") : "");
                Tally t = new Tally();
                int c = columns.size();
                t.offered = rs.getLong(++c);
                t.answered = rs.getLong(++c);
                t.answeredInSl = rs.getLong(++c);
                t.abandoned = rs.getLong(++c);
                t.shortAbandoned = rs.getLong(++c);
                t.timedOut = rs.getLong(++c);
                t.exitedKey = rs.getLong(++c);
                t.exitedEmpty = rs.getLong(++c);
                t.otherExits = rs.getLong(++c);
                t.transferred = rs.getLong(++c);
                t.waitSum = rs.getLong(++c);
                t.waitMax = rs.getLong(++c);
                t.answeredWaitSum = rs.getLong(++c);
                t.talkSum = rs.getLong(++c);
                t.ringNoAnswer = rs.getLong(++c);
                t.fcrEligible = rs.getLong(++c);
                t.repeated = rs.getLong(++c);
                return Map.entry(bucket, t);
            }).forEach(entry -> sums.put(entry.getKey(), entry.getValue()));
        });
        return rows(ReportBuilder.fold(sums, query, settings), query, extras(query));
    }

    /** @return the report's rows from folded sums, with the figures from the CDR and the surveys */
    static List<ReportRow> rows(SortedMap<String, Tally> groups, ReportQuery query,
            Map<String, ReportBuilder.Extras> extras) {
        List<ReportRow> rows = new ArrayList<>();
        groups.forEach((key, tally) -> rows.add(new ReportRow(key,
                ReportBuilder.summary(tally, extras.getOrDefault(key, ReportBuilder.Extras.NONE)))));
        return rows;
    }

    /** @return per group key: busy calls from the CDR, solved answers and the survey figures */
    private Map<String, ReportBuilder.Extras> extras(ReportQuery query) {
        Map<String, long[]> cdr = cdr(query);
        Map<String, long[]> solved = solved(query);
        Map<String, ScoreSummary> survey = survey(query);
        Map<String, ReportBuilder.Extras> extras = new HashMap<>();
        java.util.Set<String> keys = new java.util.HashSet<>(cdr.keySet());
        keys.addAll(solved.keySet());
        keys.addAll(survey.keySet());
        for (String key : keys) {
            long[] busy = cdr.getOrDefault(key, new long[2]);
            long[] yes = solved.getOrDefault(key, new long[2]);
            extras.put(key, new ReportBuilder.Extras(busy[0], busy[1], yes[0], yes[1],
                    Optional.ofNullable(survey.get(key))));
        }
        return extras;
    }

    /**
     * Calls to the hotline and the busy ones among them, per period group: [calls, busy]; nothing by queue or
     * agent. A call is its linkedid: with Queue(...,c) a surveyed call leaves two first legs (uniqueid = linkedid),
     * the queue part and the survey part, and counting rows would understate the rate. A call is busy when one of
     * its first legs is BUSY and none is ANSWERED.
     */
    Map<String, long[]> cdr(ReportQuery query) {
        Map<String, long[]> counts = new HashMap<>();
        if (query.groupBy() == ReportGroup.QUEUE || query.groupBy() == ReportGroup.AGENT || query.queue().isPresent()
                || query.agent().isPresent()) {
            return counts;
        }
        // cdr.start is the PBX's local time
        LocalDateTime from = query.from().atStartOfDay(query.zone()).withZoneSameInstant(settings.pbxZone())
                .toLocalDateTime();
        LocalDateTime to = query.to().atStartOfDay(query.zone()).withZoneSameInstant(settings.pbxZone())
                .toLocalDateTime();
        String sql = "SELECT MIN(start), MAX(disposition = 'BUSY') AND NOT MAX(disposition = 'ANSWERED') FROM cdr "
                + "WHERE start >= :from AND start < :to AND uniqueid = linkedid"
                + (settings.hotlineNumbers().isEmpty() ? "" : " AND dst IN (<numbers>)") + " GROUP BY linkedid";
        try {
            jdbi.useHandle(h -> {
                Query select = h.createQuery(sql).bind("from", from).bind("to", to);
                if (!settings.hotlineNumbers().isEmpty()) {
                    select.bindList("numbers", List.copyOf(settings.hotlineNumbers()));
                }
                select.map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDateTime.class), rs.getBoolean(2)))
                        .forEach(row -> {
                            long[] c = counts.computeIfAbsent(key(row.getKey().atZone(settings.pbxZone())
                                    .toInstant(), query), k -> new long[2]);
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

    /** Answers to the "problem solved" question: [answers, yes] per group. */
    private Map<String, long[]> solved(ReportQuery query) {
        Map<String, long[]> counts = new HashMap<>();
        if (!surveyTables || settings.solvedQuestion().isEmpty()) {
            return counts;
        }
        Filter filter = filter(query, false, null, "r.started_at");
        String sql = "SELECT r.started_at, r.queue, r.agent, a.score FROM survey_response r JOIN survey_answer a "
                + "ON a.response_id = r.id AND a.question_id = :question AND a.scale = 'YES_NO' WHERE " + filter.sql()
                .replace(" queue =", " r.queue =").replace(" agent =", " r.agent =");
        jdbi.useHandle(h -> {
            Query select = h.createQuery(sql).bind("question", settings.solvedQuestion());
            filter.values().forEach(select::bind);
            // survey_response.started_at is a TIMESTAMP: bound as instants, not as UTC wall times
            select.bind("from", query.from().atStartOfDay(query.zone()).toInstant())
                    .bind("to", query.to().atStartOfDay(query.zone()).toInstant());
            select.map((rs, ctx) -> {
                Instant started = rs.getTimestamp(1).toInstant();
                String queue = rs.getString(2);
                String agent = rs.getString(3);
                Bucket bucket = Bucket.of(started, query.zone(), queue == null ? "" : queue, agent == null ? "" : agent);
                return Map.entry(ReportBuilder.key(bucket, query, true), rs.getInt(4));
            }).forEach(row -> {
                long[] c = counts.computeIfAbsent(row.getKey(), k -> new long[2]);
                c[0]++;
                c[1] += row.getValue() == 1 ? 1 : 0;
            });
        });
        return counts;
    }

    private Map<String, ScoreSummary> survey(ReportQuery query) {
        Map<String, ScoreSummary> byKey = new HashMap<>();
        if (surveyScores.isEmpty() || query.groupBy() == ReportGroup.HOUR) {
            return byKey;
        }
        ScoreQuery scoreQuery = new ScoreQuery(query.from().atStartOfDay(query.zone()).toInstant(),
                query.to().atStartOfDay(query.zone()).toInstant(), query.queue(), query.agent(), Optional.empty(),
                GroupBy.valueOf(query.groupBy().name()), query.zone());
        try {
            for (ScoreRow row : surveyScores.get().scores(scoreQuery)) {
                byKey.put(row.group(), row.summary());
            }
        } catch (IllegalStateException e) {
            LOG.debug("No survey figures: {}", e.getMessage());
        }
        return byKey;
    }

    private String key(Instant instant, ReportQuery query) {
        return ReportBuilder.key(Bucket.of(instant, query.zone(), "", ""), query, true);
    }

    List<LowScoredCall> lowScored(ReportQuery query, double maxMean, int limit) {
        if (!surveyTables) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT r.uniqueid, r.queue, r.agent, r.started_at, r.survey, "
                + "AVG(CASE WHEN a.scale = 'FIVE_POINT' THEN a.score END) AS mean, MAX(a.complaint) AS complaint, "
                + "r.comment_path FROM survey_response r JOIN survey_answer a ON a.response_id = r.id "
                + "WHERE r.started_at >= :from AND r.started_at < :to");
        query.queue().ifPresent(q -> sql.append(" AND r.queue = :queue"));
        query.agent().ifPresent(a -> sql.append(" AND r.agent = :agent"));
        sql.append(" GROUP BY r.id HAVING MAX(a.complaint) OR mean <= :maxMean ORDER BY r.started_at DESC LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query select = h.createQuery(sql.toString())
                    .bind("from", query.from().atStartOfDay(query.zone()).toInstant())
                    .bind("to", query.to().atStartOfDay(query.zone()).toInstant())
                    .bind("maxMean", maxMean).bind("limit", limit);
            query.queue().ifPresent(q -> select.bind("queue", q));
            query.agent().ifPresent(a -> select.bind("agent", a));
            return select.map((rs, ctx) -> {
                double mean = rs.getDouble("mean");
                return new LowScoredCall(rs.getString("uniqueid"), Optional.ofNullable(rs.getString("queue")),
                        Optional.ofNullable(rs.getString("agent")), rs.getTimestamp("started_at").toInstant(),
                        rs.getString("survey"), rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(mean),
                        rs.getBoolean("complaint"), Optional.ofNullable(rs.getString("comment_path")));
            }).list();
        });
    }

    List<CallRecord> calls(ReportQuery query, String condition, int limit) {
        Filter filter = filter(query, false, null, "entered_at");
        String sql = "SELECT * FROM reports_call WHERE " + condition + " AND " + filter.sql()
                + " ORDER BY entered_at DESC, enter_id DESC LIMIT " + Math.max(0, limit);
        return jdbi.withHandle(h -> {
            Query select = h.createQuery(sql);
            filter.values().forEach(select::bind);
            return select.map(Ingestion::call).map(CallState::toRecord).list();
        });
    }

    /** A WHERE clause with its values. */
    private record Filter(String sql, Map<String, Object> values) {
    }

    /**
     * @param dateColumn a site-zone DATE column, used when {@code siteDays}
     * @param timeColumn a UTC DATETIME column otherwise
     */
    private static Filter filter(ReportQuery query, boolean siteDays, String dateColumn, String timeColumn) {
        Map<String, Object> values = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder();
        if (siteDays) {
            sql.append(dateColumn).append(" >= :from AND ").append(dateColumn).append(" < :to");
            values.put("from", query.from());
            values.put("to", query.to());
        } else {
            Function<java.time.LocalDate, LocalDateTime> utc = day -> Ingestion.utc(day.atStartOfDay(query.zone())
                    .toInstant());
            sql.append(timeColumn).append(" >= :from AND ").append(timeColumn).append(" < :to");
            values.put("from", utc.apply(query.from()));
            values.put("to", utc.apply(query.to()));
        }
        query.queue().ifPresent(queue -> {
            sql.append(" AND queue = :queue");
            values.put("queue", queue);
        });
        query.agent().ifPresent(agent -> {
            sql.append(" AND agent = :agent");
            values.put("agent", agent);
        });
        return new Filter(sql.toString(), values);
    }

    static Comparator<ReportRow> order(org.callscore.reports.ServiceReports.Ranking by) {
        Function<ReportRow, java.util.OptionalDouble> figure = switch (by) {
            case ANSWERED -> row -> java.util.OptionalDouble.of(-row.summary().answered());
            case HANDLE_TIME -> row -> row.summary().averageHandle();
            case FIRST_CALL_RESOLUTION -> row -> negate(row.summary().firstCallResolution());
            case RING_NO_ANSWER -> row -> java.util.OptionalDouble.of(row.summary().ringNoAnswer());
            case CSAT -> row -> negate(row.summary().survey().map(ScoreSummary::csat)
                    .orElse(java.util.OptionalDouble.empty()));
            case SURVEY_MEAN -> row -> negate(row.summary().survey().map(ScoreSummary::meanScore)
                    .orElse(java.util.OptionalDouble.empty()));
        };
        return Comparator.<ReportRow>comparingDouble(row -> figure.apply(row).orElse(Double.MAX_VALUE))
                .thenComparing(ReportRow::group);
    }

    private static java.util.OptionalDouble negate(java.util.OptionalDouble value) {
        return value.isPresent() ? java.util.OptionalDouble.of(-value.getAsDouble()) : value;
    }
}

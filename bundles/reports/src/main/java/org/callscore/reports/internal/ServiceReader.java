package org.callscore.reports.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.reports.ReportRow;
import org.callscore.reports.ServiceReports;
import org.callscore.scoring.ScoreSummary;
import org.jdbi.v3.core.Jdbi;

/**
 * The service summary reports: the sums grouped as far as SQL can (the rest in {@link ReportBuilder}), with the
 * busy calls of the CDR and the survey figures.
 */
final class ServiceReader {

    private final Jdbi jdbi;
    private final Settings settings;
    private final BusyCalls busyCalls;
    private final SurveyFigures surveyFigures;

    /** Without survey figures and without telling of CDR problems. */
    ServiceReader(Jdbi jdbi, Settings settings) {
        this(jdbi, settings, new SurveyFigures(Optional.empty(), settings), problem -> { });
    }

    /** @param cdrProblem as {@link BusyCalls} */
    ServiceReader(Jdbi jdbi, Settings settings, SurveyFigures surveyFigures, Consumer<String> cdrProblem) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.busyCalls = new BusyCalls(jdbi, settings, cdrProblem);
        this.surveyFigures = surveyFigures;
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
        ReportFilter filter = siteDays ? ReportFilter.siteDays(query, "local_date")
                : ReportFilter.utc(query, "hour_utc");
        String sql = SumsTable.forReport(siteDays, columns.contains("hour_utc")).select(columns, filter.sql());
        Map<Bucket, Tally> sums = new LinkedHashMap<>();
        jdbi.useHandle(h -> filter.bind(h.createQuery(sql)).map((rs, ctx) -> {
            Bucket bucket = new Bucket(
                    columns.contains("hour_utc") ? rs.getObject("hour_utc", LocalDateTime.class)
                            .toInstant(ZoneOffset.UTC) : null,
                    columns.contains("local_date") ? rs.getObject("local_date", LocalDate.class) : null,
                    rs.getString("queue"), columns.contains("agent") ? rs.getString("agent") : "");
            return Map.entry(bucket, Tally.read(rs));
        }).forEach(entry -> sums.put(entry.getKey(), entry.getValue())));
        return rows(ReportBuilder.fold(sums, query, settings), extras(query));
    }

    /** @return the report's rows from folded sums, with the figures from the CDR and the surveys */
    private static List<ReportRow> rows(SortedMap<String, Tally> groups, Map<String, ReportBuilder.Extras> extras) {
        List<ReportRow> rows = new ArrayList<>();
        groups.forEach((key, tally) -> rows.add(new ReportRow(key,
                ReportBuilder.summary(tally, extras.getOrDefault(key, ReportBuilder.Extras.NONE)))));
        return rows;
    }

    /** @return per group key: busy calls from the CDR, solved answers and the survey figures */
    private Map<String, ReportBuilder.Extras> extras(ReportQuery query) {
        Map<String, long[]> cdr = busyCalls.counts(query);
        Map<String, long[]> solved = surveyFigures.solved(query);
        Map<String, ScoreSummary> survey = surveyFigures.scores(query);
        Map<String, ReportBuilder.Extras> extras = new HashMap<>();
        Set<String> keys = new HashSet<>(cdr.keySet());
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

    static Comparator<ReportRow> order(ServiceReports.Ranking by) {
        Function<ReportRow, OptionalDouble> figure = switch (by) {
            case ANSWERED -> row -> OptionalDouble.of(-row.summary().answered());
            case HANDLE_TIME -> row -> row.summary().averageHandle();
            case FIRST_CALL_RESOLUTION -> row -> negate(row.summary().firstCallResolution());
            case RING_NO_ANSWER -> row -> OptionalDouble.of(row.summary().ringNoAnswer());
            case CSAT -> row -> negate(row.summary().survey().map(ScoreSummary::csat).orElse(OptionalDouble.empty()));
            case SURVEY_MEAN -> row -> negate(row.summary().survey().map(ScoreSummary::meanScore)
                    .orElse(OptionalDouble.empty()));
        };
        return Comparator.<ReportRow>comparingDouble(row -> figure.apply(row).orElse(Double.MAX_VALUE))
                .thenComparing(ReportRow::group);
    }

    private static OptionalDouble negate(OptionalDouble value) {
        return value.isPresent() ? OptionalDouble.of(-value.getAsDouble()) : value;
    }
}

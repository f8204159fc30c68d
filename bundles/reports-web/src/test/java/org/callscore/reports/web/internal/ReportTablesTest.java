package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;

import org.callscore.reports.CallRecord;
import org.callscore.reports.IngestionStatus;
import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.reports.ReportRow;
import org.callscore.reports.ServiceReports;
import org.callscore.reports.ServiceSummary;
import org.callscore.reports.web.internal.ReportTables.Report;
import org.callscore.scoring.GroupBy;
import org.callscore.scoring.LowScoredResponse;
import org.callscore.scoring.ScoreQuery;
import org.callscore.scoring.ScoreRow;
import org.callscore.scoring.ScoreSummary;
import org.callscore.support.export.Table;
import org.junit.jupiter.api.Test;

class ReportTablesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final OptionalDouble NONE = OptionalDouble.empty();

    static ScoreSummary scores(long offered, double csat) {
        TreeMap<String, Double> dimensions = new TreeMap<>(Map.of("empathy", 75.0));
        return new ScoreSummary(offered, offered, 0, 0, 0, 0, OptionalDouble.of(1), offered, OptionalDouble.of(4),
                OptionalDouble.of(1), OptionalDouble.of(csat), 0, NONE, offered, 0, OptionalDouble.of(0), dimensions);
    }

    static ServiceSummary service(long offered, long answered, long abandoned, Optional<ScoreSummary> survey) {
        return new ServiceSummary(offered, answered, abandoned, 0, 0, 0, 0, 0, 0, 0,
                offered == 0 ? NONE : OptionalDouble.of((double) answered / offered), NONE, NONE, NONE,
                OptionalDouble.of(12.5), NONE, NONE, NONE, NONE, 0, 0, NONE, 0, 0, NONE, 0, NONE, NONE, survey);
    }

    /** Answers every query with fixed rows and remembers the queries. */
    static final class FakeReports implements ServiceReports {
        final List<Object> queries = new ArrayList<>();
        RuntimeException failure;

        private <T> T asked(Object query, T answer) {
            queries.add(query);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }

        @Override
        public List<ReportRow> report(ReportQuery query) {
            return asked(query, List.of(new ReportRow("2026-03-28", service(4, 3, 1, Optional.of(scores(2, 0.5)))),
                    new ReportRow("2026-03-29", service(1, 1, 0, Optional.empty()))));
        }

        @Override
        public List<ReportRow> ranking(ReportQuery query, Ranking by) {
            return asked(List.of(query, by), List.of(new ReportRow("Alice", service(3, 3, 0, Optional.empty()))));
        }

        @Override
        public List<CallRecord> abandoned(ReportQuery query, int limit) {
            return asked(List.of(query, limit), List.of(new CallRecord("c4", "sales", "0644",
                    Instant.parse("2026-03-28T09:30:00Z"), Optional.empty(), CallRecord.Outcome.SHORT_ABANDON, 40, 0,
                    false)));
        }

        @Override
        public List<CallRecord> repeatCallers(ReportQuery query, int limit) {
            return asked(List.of(query, limit), List.of());
        }

        @Override
        public List<LowScoredResponse> lowScored(ReportQuery query, double maxMean, int limit) {
            return asked(List.of(query, maxMean, limit), List.of(new LowScoredResponse("u1", Optional.of("sales"),
                    Optional.empty(), Instant.parse("2026-03-28T10:00:00Z"), "itest", OptionalDouble.of(1.5), true,
                    Optional.empty())));
        }

        @Override
        public ZoneId siteZone() {
            return BERLIN;
        }

        @Override
        public IngestionStatus status() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long rebuild(DoubleConsumer progress) {
            throw new UnsupportedOperationException();
        }
    }

    private final FakeReports reports = new FakeReports();
    private final FixedScores surveyScores = new FixedScores(new ScoreRow("agent7", scores(2, 0.5)));
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-31T23:30:00Z"), ZoneOffset.UTC);
    private final ReportTables tables = new ReportTables(() -> reports, () -> surveyScores, clock);

    private static Map<String, String[]> params(String... pairs) {
        Map<String, String[]> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return values;
    }

    @Test
    void theServiceReportAsksForTheParametersGivenAndHasOneColumnPerFigure() throws Exception {
        ReportTables.Result result = tables.table(Report.SERVICE, params("month", "2026-03", "queue", "sales",
                "by", "day"));

        assertThat(reports.queries).containsExactly(new ReportQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1),
                BERLIN, Optional.of("sales"), Optional.empty(), ReportGroup.DAY));
        assertThat(result.query().keySet()).containsExactly("report", "from", "to", "zone", "queue", "agent", "by");
        assertThat(result.query().values()).containsExactly("service", "2026-03-01", "2026-04-01", "Europe/Berlin",
                "sales", null, "day");
        Table table = result.table();
        List<String> keys = table.columns().stream().map(Table.Column::key).toList();
        assertThat(keys).startsWith("group", "offered", "answered", "abandoned").contains("answerRate",
                "serviceLevelOffered", "asa", "survey.csat", "survey.meanScore").doesNotHaveDuplicates();
        List<Object> first = table.rows().get(0);
        assertThat(first.get(keys.indexOf("group"))).isEqualTo("2026-03-28");
        assertThat(first.get(keys.indexOf("offered"))).isEqualTo(4L);
        assertThat(first.get(keys.indexOf("answerRate"))).isEqualTo(0.75);
        assertThat(first.get(keys.indexOf("abandonRate"))).isNull();
        assertThat(first.get(keys.indexOf("survey.csat"))).isEqualTo(0.5);
        assertThat(table.rows().get(1).get(keys.indexOf("survey.csat"))).isNull();
    }

    @Test
    void theDefaultPeriodIsThisMonthInTheSiteZoneUntilTomorrow() throws Exception {
        // 23:30 UTC on 31 March is already 1 April in Berlin
        ReportTables.Result result = tables.table(Report.SERVICE, params());

        assertThat(result.query()).containsEntry("from", "2026-04-01").containsEntry("to", "2026-04-02")
                .containsEntry("by", "all");
    }

    @Test
    void surveysAreAskedForTheInstantsTheDaysStartAtInTheZone() throws Exception {
        ReportTables.Result result = tables.table(Report.SURVEYS, params("from", "2026-03-29", "to", "2026-03-30",
                "by", "agent", "survey", "itest"));

        assertThat(surveyScores.queries).containsExactly(new ScoreQuery(Instant.parse("2026-03-28T23:00:00Z"),
                Instant.parse("2026-03-29T22:00:00Z"), Optional.empty(), Optional.empty(), Optional.of("itest"),
                GroupBy.AGENT, BERLIN));
        assertThat(result.table().columns().stream().map(Table.Column::key)).contains("csat", "nps",
                "dimension.empathy");
        assertThat(result.table().rows().get(0)).startsWith("agent7", 2L);
    }

    @Test
    void drillDownsPassTheirLimitsAndShowTimesInTheZone() throws Exception {
        Table abandoned = tables.table(Report.ABANDONED, params("month", "2026-03", "limit", "5")).table();
        Table low = tables.table(Report.LOW_SCORES, params("month", "2026-03", "max-mean", "1.5")).table();
        Table ranking = tables.table(Report.RANKING, params("month", "2026-03", "by", "handle-time")).table();

        assertThat(abandoned.rows().get(0)).containsExactly("c4", "sales", "0644", OffsetDateTime.parse("2026-03-28T10:30+01:00"), null,
                "short-abandon", 40L, 0L, false);
        assertThat(low.rows().get(0)).containsExactly("u1", "sales", null, OffsetDateTime.parse("2026-03-28T11:00+01:00"), "itest", 1.5, true,
                null);
        assertThat(ranking.rows().get(0).get(0)).isEqualTo("Alice");
        assertThat(reports.queries.get(0)).asList().endsWith(5);
        assertThat(reports.queries.get(1)).asList().endsWith(1.5, ReportTables.DEFAULT_LIMIT);
        assertThat(reports.queries.get(2)).asList().endsWith(ServiceReports.Ranking.HANDLE_TIME);
    }

    @Test
    void aMissingModuleOrDatabaseIsUnavailableAndAZoneTheSumsCannotCutIsABadZone() {
        ReportTables without = new ReportTables(() -> null, () -> null, clock);
        assertThatThrownBy(() -> without.table(Report.SERVICE, params())).isInstanceOf(ReportTables.Unavailable.class)
                .hasMessageContaining("callscore-reports");
        assertThatThrownBy(() -> without.table(Report.SURVEYS, params())).isInstanceOf(ReportTables.Unavailable.class)
                .hasMessageContaining("callscore-survey");

        reports.failure = new IllegalStateException("the database does not answer (Access denied)");
        assertThatThrownBy(() -> tables.table(Report.SERVICE, params())).isInstanceOf(ReportTables.Unavailable.class)
                .hasMessage(ReportTables.NOT_NOW).hasCause(reports.failure);

        reports.failure = new IllegalArgumentException("zone Asia/Kolkata cannot be cut from UTC hours");
        assertThatThrownBy(() -> tables.table(Report.SERVICE, params("zone", "Asia/Kolkata")))
                .isInstanceOfSatisfying(BadParameter.class, e -> assertThat(e.parameter()).isEqualTo("zone"));
    }

    @Test
    void parametersAnEndpointDoesNotTakeAreRefused() {
        assertThatThrownBy(() -> tables.table(Report.SERVICE, params("limit", "5")))
                .isInstanceOfSatisfying(BadParameter.class, e -> assertThat(e.parameter()).isEqualTo("limit"));
        assertThat(Report.named("low-scores")).contains(Report.LOW_SCORES);
        assertThat(Report.named("nope")).isEmpty();
    }

    @Test
    void theJsonHasTheQueryTheColumnsAndOneObjectPerRow() throws Exception {
        String json = new String(Json.of(tables.table(Report.RANKING, params("month", "2026-03"))),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"query\":{\"report\":\"ranking\",\"from\":\"2026-03-01\",\"to\":\"2026-04-01\","
                + "\"zone\":\"Europe/Berlin\",\"queue\":null,\"agent\":null,\"by\":\"answered\"},\"columns\":[{\"key\":"
                + "\"group\",\"header\":\"Group\"},{\"key\":\"offered\",\"header\":\"Offered\"},")
                .contains("\"rows\":[{\"group\":\"Alice\",\"offered\":3,\"answered\":3,\"abandoned\":0,")
                .contains("\"answerRate\":1,\"abandonRate\":null,").contains("\"asa\":12.5,")
                .endsWith("\"survey.complaintRate\":null}]}");
    }
}

package org.callscore.reports.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import org.callscore.reports.CallRecord;
import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.reports.ReportRow;
import org.callscore.reports.ServiceReports;
import org.callscore.reports.ServiceSummary;
import org.callscore.scoring.GroupBy;
import org.callscore.scoring.LowScoredResponse;
import org.callscore.scoring.ScoreQuery;
import org.callscore.scoring.ScoreRow;
import org.callscore.scoring.ScoreSummary;
import org.callscore.scoring.SurveyScores;
import org.callscore.support.export.Table.Field;
import org.callscore.support.export.Table;

/**
 * The reports the API and the export serve, each a {@link Table} read from {@link ServiceReports} or
 * {@link SurveyScores} with the request's parameters. The JSON keys are the names of the reports API's record
 * components ({@link ServiceSummary}, {@link ScoreSummary}, {@link CallRecord}, {@link LowScoredResponse}), so the
 * figures are defined there and in docs/metrics.md.
 */
final class ReportTables {

    /** The reports, by the name in their URL: /api/NAME, /export/NAME.csv. */
    enum Report {
        SERVICE("from", "to", "month", "zone", "queue", "agent", "by"),
        SURVEYS("from", "to", "month", "zone", "queue", "agent", "survey", "by"),
        RANKING("from", "to", "month", "zone", "queue", "agent", "by"),
        ABANDONED("from", "to", "month", "zone", "queue", "agent", "limit"),
        REPEAT_CALLERS("from", "to", "month", "zone", "queue", "agent", "limit"),
        LOW_SCORES("from", "to", "month", "zone", "queue", "agent", "limit", "max-mean");

        final Set<String> parameters;

        Report(String... parameters) {
            this.parameters = Set.of(parameters);
        }

        /** @return the report named {@code name} in a URL ({@code low-scores}), if any */
        static Optional<Report> named(String name) {
            for (Report report : values()) {
                if (Parameters.key(report).equals(name)) {
                    return Optional.of(report);
                }
            }
            return Optional.empty();
        }
    }

    /** A module the report needs is not running, or its database does not answer: 503. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }

        /** @param cause why, for the log only: it may hold the database's own message */
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param query what was asked, with the defaults filled in, to show with the table
     * @param table the report
     */
    record Result(Map<String, Object> query, Table table) {
    }

    /** The answer while the database does not answer or the tables are not ready; why is in the log. */
    static final String NOT_NOW = "the reports are not available now: the database does not answer or the tables are "
            + "not ready (callscore:status and Karaf's log say why)";

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final double DEFAULT_MAX_MEAN = 2.0;

    private static final Set<ReportGroup> SERVICE_GROUPS = EnumSet.allOf(ReportGroup.class);
    private static final Set<GroupBy> SURVEY_GROUPS = EnumSet.allOf(GroupBy.class);

    private static final List<Field<ScoreSummary>> SCORES = List.of(
            Field.of("offered", "Surveys offered", ScoreSummary::offered),
            Field.of("completed", "Completed", ScoreSummary::completed),
            Field.of("partial", "Partial", ScoreSummary::partial),
            Field.of("declined", "Declined", ScoreSummary::declined),
            Field.of("unanswered", "Unanswered", ScoreSummary::unanswered),
            Field.of("inProgress", "In progress", ScoreSummary::inProgress),
            Field.of("responseRate", "Response rate", s -> figure(s.responseRate())),
            Field.of("fivePointAnswers", "1-5 answers", ScoreSummary::fivePointAnswers),
            Field.of("meanScore", "Mean score (1-5)", s -> figure(s.meanScore())),
            Field.of("satisfaction", "Satisfaction (3-5 share)", s -> figure(s.satisfaction())),
            Field.of("csat", "CSAT (4-5 share)", s -> figure(s.csat())),
            Field.of("npsAnswers", "0-10 answers", ScoreSummary::npsAnswers),
            Field.of("nps", "NPS", s -> figure(s.nps())),
            Field.of("answeredResponses", "Responses with answers", ScoreSummary::answeredResponses),
            Field.of("complaints", "Complaints", ScoreSummary::complaints),
            Field.of("complaintRate", "Complaint rate (survey)", s -> figure(s.complaintRate())));

    private static final List<Field<ServiceSummary>> SERVICE = List.of(
            Field.of("offered", "Offered", ServiceSummary::offered),
            Field.of("answered", "Answered", ServiceSummary::answered),
            Field.of("abandoned", "Abandoned", ServiceSummary::abandoned),
            Field.of("shortAbandoned", "Short abandons", ServiceSummary::shortAbandoned),
            Field.of("timedOut", "Timed out", ServiceSummary::timedOut),
            Field.of("exitedByKey", "Exited by key", ServiceSummary::exitedByKey),
            Field.of("exitedEmpty", "Exited empty", ServiceSummary::exitedEmpty),
            Field.of("otherExits", "Withdrawn", ServiceSummary::otherExits),
            Field.of("transferred", "Transferred", ServiceSummary::transferred),
            Field.of("ringNoAnswer", "Ring no answer", ServiceSummary::ringNoAnswer),
            Field.of("answerRate", "Answer rate", s -> figure(s.answerRate())),
            Field.of("abandonRate", "Abandon rate", s -> figure(s.abandonRate())),
            Field.of("serviceLevelAsterisk", "Service level (of answered)", s -> figure(s.serviceLevelAsterisk())),
            Field.of("serviceLevelOffered", "Service level (of offered)", s -> figure(s.serviceLevelOffered())),
            Field.of("asa", "ASA (s)", s -> figure(s.asa())),
            Field.of("averageWait", "Average wait (s)", s -> figure(s.averageWait())),
            Field.of("longestWait", "Longest wait (s)", s -> figure(s.longestWait())),
            Field.of("averageTalk", "Average talk (s)", s -> figure(s.averageTalk())),
            Field.of("averageHandle", "Average handle (s)", s -> figure(s.averageHandle())),
            Field.of("fcrEligible", "FCR eligible", ServiceSummary::fcrEligible),
            Field.of("repeated", "Repeated", ServiceSummary::repeated),
            Field.of("firstCallResolution", "First-call resolution", s -> figure(s.firstCallResolution())),
            Field.of("cdrCalls", "CDR calls", ServiceSummary::cdrCalls),
            Field.of("busyCalls", "Busy", ServiceSummary::busyCalls),
            Field.of("busyRate", "Busy rate", s -> figure(s.busyRate())),
            Field.of("solvedAnswers", "Solved answers", ServiceSummary::solvedAnswers),
            Field.of("solvedRate", "Solved rate", s -> figure(s.solvedRate())),
            Field.of("complaintRate", "Complaint rate", s -> figure(s.complaintRate())));

    /** Service rows: the group, the service figures, then the survey figures prefixed {@code survey.} */
    private static final List<Field<ReportRow>> SERVICE_ROWS;

    static {
        List<Field<ReportRow>> fields = new ArrayList<>();
        fields.add(Field.of("group", "Group", ReportRow::group));
        SERVICE.forEach(field -> fields.add(via(field, "", "", row -> row.summary())));
        SCORES.forEach(field -> fields.add(via(field, "survey.", "Survey: ",
                row -> row.summary().survey().orElse(null))));
        SERVICE_ROWS = List.copyOf(fields);
    }

    private final Supplier<ServiceReports> reports;
    private final Supplier<SurveyScores> scores;
    private final Clock clock;

    /**
     * @param reports the reports service, or null when it is not running
     * @param scores  the survey scores service, or null when it is not running
     */
    ReportTables(Supplier<ServiceReports> reports, Supplier<SurveyScores> scores, Clock clock) {
        this.reports = reports;
        this.scores = scores;
        this.clock = clock;
    }

    Result table(Report report, Map<String, String[]> values) throws BadParameter, Unavailable {
        Parameters parameters = Parameters.of(values, report.parameters);
        ServiceReports service = reports.get();
        if (service == null && report != Report.SURVEYS) {
            throw new Unavailable("the reports module is not running (feature callscore-reports)");
        }
        ZoneId zone = parameters.zone("zone", service != null ? service.siteZone() : clock.getZone());
        Parameters.Period period = parameters.period(LocalDate.now(clock.withZone(zone)));
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("report", Parameters.key(report));
        query.put("from", period.from().toString());
        query.put("to", period.to().toString());
        query.put("zone", zone.getId());
        query.put("queue", parameters.text("queue").orElse(null));
        query.put("agent", parameters.text("agent").orElse(null));
        try {
            return new Result(query, switch (report) {
                case SERVICE -> {
                    ReportGroup by = parameters.choice("by", ReportGroup.class, SERVICE_GROUPS, ReportGroup.ALL);
                    query.put("by", Parameters.key(by));
                    yield Table.of("service", SERVICE_ROWS, service.report(reportQuery(parameters, period, zone, by)));
                }
                case RANKING -> {
                    ServiceReports.Ranking by = parameters.choice("by", ServiceReports.Ranking.class,
                            EnumSet.allOf(ServiceReports.Ranking.class), ServiceReports.Ranking.ANSWERED);
                    query.put("by", Parameters.key(by));
                    yield Table.of("ranking", SERVICE_ROWS,
                            service.ranking(reportQuery(parameters, period, zone, ReportGroup.AGENT), by));
                }
                case SURVEYS -> surveys(parameters, period, zone, query);
                case ABANDONED -> calls("abandoned", service.abandoned(reportQuery(parameters, period, zone,
                        ReportGroup.ALL), limit(parameters, query)), zone);
                case REPEAT_CALLERS -> calls("repeat-callers", service.repeatCallers(reportQuery(parameters, period,
                        zone, ReportGroup.ALL), limit(parameters, query)), zone);
                case LOW_SCORES -> {
                    double maxMean = parameters.number("max-mean", 1, 5, DEFAULT_MAX_MEAN);
                    query.put("maxMean", maxMean);
                    yield lowScores(service.lowScored(reportQuery(parameters, period, zone, ReportGroup.ALL), maxMean,
                            limit(parameters, query)), zone);
                }
            });
        } catch (IllegalStateException e) {
            throw new Unavailable(NOT_NOW, e);
        } catch (IllegalArgumentException e) { // the zone cannot be cut from the hourly sums
            throw new BadParameter("zone", e.getMessage());
        }
    }

    private Table surveys(Parameters parameters, Parameters.Period period, ZoneId zone, Map<String, Object> query)
            throws BadParameter, Unavailable {
        SurveyScores surveyScores = scores.get();
        if (surveyScores == null) {
            throw new Unavailable("the survey scoring module is not running (feature callscore-survey)");
        }
        GroupBy by = parameters.choice("by", GroupBy.class, SURVEY_GROUPS, GroupBy.ALL);
        Optional<String> survey = parameters.text("survey");
        query.put("survey", survey.orElse(null));
        query.put("by", Parameters.key(by));
        List<ScoreRow> rows = surveyScores.scores(new ScoreQuery(period.from().atStartOfDay(zone).toInstant(),
                period.to().atStartOfDay(zone).toInstant(), parameters.text("queue"), parameters.text("agent"), survey,
                by, zone));
        List<Field<ScoreRow>> fields = new ArrayList<>();
        fields.add(Field.of("group", "Group", ScoreRow::group));
        SCORES.forEach(field -> fields.add(via(field, "", "", ScoreRow::summary)));
        // one column per questionnaire dimension found, 0-100
        new TreeSet<>(rows.stream().flatMap(row -> row.summary().dimensionIndex().keySet().stream()).toList())
                .forEach(dimension -> fields.add(Field.of("dimension." + dimension, "Index: " + dimension,
                        row -> row.summary().dimensionIndex().get(dimension))));
        return Table.of("surveys", fields, rows);
    }

    private static Table calls(String name, List<CallRecord> calls, ZoneId zone) {
        return Table.of(name, List.of(
                Field.<CallRecord>of("callid", "Call id", CallRecord::callid),
                Field.of("queue", "Queue", CallRecord::queue),
                Field.of("caller", "Caller", CallRecord::caller),
                Field.of("enteredAt", "Entered", call -> local(call.enteredAt(), zone)),
                Field.of("agent", "Agent", call -> call.agent().orElse(null)),
                Field.of("outcome", "Outcome", call -> Parameters.key(call.outcome())),
                Field.of("waitSeconds", "Wait (s)", call -> (long) call.waitSeconds()),
                Field.of("talkSeconds", "Talk (s)", call -> (long) call.talkSeconds()),
                Field.of("repeated", "Called again", CallRecord::repeated)), calls);
    }

    private static Table lowScores(List<LowScoredResponse> calls, ZoneId zone) {
        return Table.of("low-scores", List.of(
                Field.<LowScoredResponse>of("uniqueId", "Call id", LowScoredResponse::uniqueId),
                Field.of("queue", "Queue", call -> call.queue().orElse(null)),
                Field.of("agent", "Agent", call -> call.agent().orElse(null)),
                Field.of("surveyedAt", "Surveyed", call -> local(call.surveyedAt(), zone)),
                Field.of("survey", "Survey", LowScoredResponse::survey),
                Field.of("meanScore", "Mean score (1-5)", call -> figure(call.meanScore())),
                Field.of("complaint", "Complaint", LowScoredResponse::complaint),
                Field.of("comment", "Voice comment", call -> call.comment().orElse(null))), calls);
    }

    private static ReportQuery reportQuery(Parameters parameters, Parameters.Period period, ZoneId zone,
            ReportGroup by) {
        return new ReportQuery(period.from(), period.to(), zone, parameters.text("queue"), parameters.text("agent"),
                by);
    }

    private static int limit(Parameters parameters, Map<String, Object> query) throws BadParameter {
        int limit = parameters.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        query.put("limit", (long) limit);
        return limit;
    }

    /** The same field read through {@code map}; a null from {@code map} is a row without these figures. */
    private static <A, B> Field<A> via(Field<B> field, String keyPrefix, String headerPrefix, Function<A, B> map) {
        return Field.of(keyPrefix + field.column().key(), headerPrefix + field.column().header(), item -> {
            B inner = map.apply(item);
            return inner == null ? null : field.value().apply(inner);
        });
    }

    /** @return the figure, or null when it has none (its denominator was zero) */
    private static Double figure(OptionalDouble figure) {
        return figure.isPresent() ? figure.getAsDouble() : null;
    }

    /** @return the time as the zone's local time with its offset, to the second (no microseconds) */
    static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
    }
}

package org.callscore.reports.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.reports.ServiceSummary;
import org.callscore.scoring.CalendarPeriod;
import org.callscore.scoring.ScoreSummary;

/**
 * Folds hourly sums into the rows of a report: the group keys of {@link ReportQuery}, and the figures of
 * {@link ServiceSummary} from a {@link Tally}.
 */
final class ReportBuilder {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx", Locale.ROOT);

    private ReportBuilder() {
    }

    /** The figures that do not come from queue_log, per group. */
    record Extras(long cdrCalls, long busyCalls, long solvedAnswers, long solvedYes, Optional<ScoreSummary> survey) {
        static final Extras NONE = new Extras(0, 0, 0, 0, Optional.empty());
    }

    /** @return whether the query is cut from the stored site-zone days rather than from UTC hours */
    static boolean bySiteDays(ReportQuery query, Settings settings) {
        return query.zone().normalized().equals(settings.siteZone().normalized())
                || query.zone().getRules().equals(settings.siteZone().getRules());
    }

    /**
     * @param sums buckets already limited to the query; fields the grouping does not need may be null
     * @return the folded sums per group key, sorted by key; handleSum filled in with the queues' wrap-up
     */
    static SortedMap<String, Tally> fold(Map<Bucket, Tally> sums, ReportQuery query, Settings settings) {
        boolean siteDays = bySiteDays(query, settings);
        SortedMap<String, Tally> groups = new TreeMap<>();
        sums.forEach((bucket, tally) -> {
            Tally group = groups.computeIfAbsent(key(bucket, query, siteDays), k -> new Tally());
            group.add(tally);
            group.handleSum += tally.get(Measure.TALK_SUM)
                    + tally.get(Measure.ANSWERED) * (long) settings.wrapup(bucket.queue());
        });
        return groups;
    }

    static String key(Bucket bucket, ReportQuery query, boolean siteDays) {
        ReportGroup by = query.groupBy();
        return switch (by) {
            case ALL -> ReportQuery.ALL_KEY;
            case QUEUE -> bucket.queue();
            case AGENT -> bucket.agent().isEmpty() ? ReportQuery.NONE_KEY : bucket.agent();
            case HOUR -> HOUR.format(bucket.hourUtc().atZone(wholeHours(bucket.hourUtc(), query.zone(), siteDays)));
            case DAY, WEEK, MONTH, YEAR -> period(siteDays ? bucket.localDate()
                    : bucket.hourUtc().atZone(wholeHours(bucket.hourUtc(), query.zone(), false)).toLocalDate(), by);
        };
    }

    /** @return the key of the day, ISO week, month or year containing {@code date} */
    static String period(LocalDate date, ReportGroup by) {
        return CalendarPeriod.valueOf(by.name()).key(date);
    }

    /** @return the zone, once checked that UTC hours are whole hours in it (or that it is the site's zone) */
    private static ZoneId wholeHours(Instant hour, ZoneId zone, boolean siteDays) {
        ZoneOffset offset = zone.getRules().getOffset(hour);
        if (!siteDays && offset.getTotalSeconds() % 3600 != 0) {
            throw new IllegalArgumentException(zone + " is " + offset + " from UTC: reports are kept in UTC hours, "
                    + "so days in it can only be cut when it is the site's zone (site.zone)");
        }
        return zone;
    }

    static ServiceSummary summary(Tally t, Extras extras) {
        long offered = t.get(Measure.OFFERED);
        long answered = t.get(Measure.ANSWERED);
        long answeredInSl = t.get(Measure.ANSWERED_IN_SL);
        long fcrEligible = t.get(Measure.FCR_ELIGIBLE);
        long repeated = t.get(Measure.REPEATED);
        Optional<ScoreSummary> survey = extras.survey();
        OptionalDouble complaintRate = survey.isPresent() ? share(survey.get().complaints(), offered)
                : OptionalDouble.empty();
        return new ServiceSummary(offered, answered, t.get(Measure.ABANDONED), t.get(Measure.SHORT_ABANDONED),
                t.get(Measure.TIMED_OUT), t.get(Measure.EXITED_KEY), t.get(Measure.EXITED_EMPTY),
                t.get(Measure.OTHER_EXITS), t.get(Measure.TRANSFERRED), t.get(Measure.RING_NO_ANSWER),
                share(answered, offered),
                share(t.get(Measure.ABANDONED), offered - t.get(Measure.SHORT_ABANDONED)),
                share(answeredInSl, answered),
                share(answeredInSl, offered),
                share(t.get(Measure.ANSWERED_WAIT_SUM), answered),
                share(t.get(Measure.WAIT_SUM), offered),
                offered == 0 ? OptionalDouble.empty() : OptionalDouble.of(t.get(Measure.WAIT_MAX)),
                share(t.get(Measure.TALK_SUM), answered),
                share(t.handleSum, answered),
                fcrEligible, repeated, share(fcrEligible - repeated, fcrEligible),
                extras.cdrCalls(), extras.busyCalls(), share(extras.busyCalls(), extras.cdrCalls()),
                extras.solvedAnswers(), share(extras.solvedYes(), extras.solvedAnswers()),
                complaintRate, survey);
    }

    private static OptionalDouble share(long part, long whole) {
        return whole <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}

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
     * @param sums every bucket's sums, as the aggregator made them (tests, or a report without SQL filtering)
     * @return the sums of the buckets the query covers (its days, queue, agent)
     */
    static Map<Bucket, Tally> select(Map<Bucket, Tally> sums, ReportQuery query, Settings settings) {
        Map<Bucket, Tally> selected = new TreeMap<>(java.util.Comparator.comparing(Bucket::hourUtc)
                .thenComparing(Bucket::localDate).thenComparing(Bucket::queue).thenComparing(Bucket::agent));
        boolean siteDays = bySiteDays(query, settings);
        Instant from = query.from().atStartOfDay(query.zone()).toInstant();
        Instant to = query.to().atStartOfDay(query.zone()).toInstant();
        sums.forEach((bucket, tally) -> {
            boolean inPeriod = siteDays
                    ? !bucket.localDate().isBefore(query.from()) && bucket.localDate().isBefore(query.to())
                    : !bucket.hourUtc().isBefore(from) && bucket.hourUtc().isBefore(to);
            if (inPeriod && query.queue().map(bucket.queue()::equals).orElse(true)
                    && query.agent().map(bucket.agent()::equals).orElse(true)) {
                selected.put(bucket, tally);
            }
        });
        return selected;
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
            group.handleSum += tally.talkSum + tally.answered * (long) settings.wrapup(bucket.queue());
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
                    + "so days in it can only be cut when it is the site's zone (site.zone: zone in etc/org.callscore.site.cfg)");
        }
        return zone;
    }

    static ServiceSummary summary(Tally t, Extras extras) {
        long notShort = t.offered - t.shortAbandoned;
        Optional<ScoreSummary> survey = extras.survey();
        OptionalDouble complaintRate = survey.isPresent() ? share(survey.get().complaints(), t.offered)
                : OptionalDouble.empty();
        return new ServiceSummary(t.offered, t.answered, t.abandoned, t.shortAbandoned, t.timedOut, t.exitedKey,
                t.exitedEmpty, t.otherExits, t.transferred, t.ringNoAnswer,
                share(t.answered, t.offered),
                share(t.abandoned, notShort),
                share(t.answeredInSl, t.answered),
                share(t.answeredInSl, t.offered),
                share(t.answeredWaitSum, t.answered),
                share(t.waitSum, t.offered),
                t.offered == 0 ? OptionalDouble.empty() : OptionalDouble.of(t.waitMax),
                share(t.talkSum, t.answered),
                share(t.handleSum, t.answered),
                t.fcrEligible, t.repeated, share(t.fcrEligible - t.repeated, t.fcrEligible),
                extras.cdrCalls(), extras.busyCalls(), share(extras.busyCalls(), extras.cdrCalls()),
                extras.solvedAnswers(), share(extras.solvedYes(), extras.solvedAnswers()),
                complaintRate, survey);
    }

    private static OptionalDouble share(long part, long whole) {
        return whole <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}

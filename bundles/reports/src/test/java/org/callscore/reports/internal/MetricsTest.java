package org.callscore.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.reports.ReportRow;
import org.callscore.reports.ServiceSummary;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every figure of {@link ServiceSummary} against {@link QueueLogFixture}, computed by hand, through the path a
 * report takes: the fixture's rows in a queue_log table of the real MariaDB (callscore_unit), ingested into the
 * sums tables, read back by the report's SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {

    private static final LocalDate FROM = LocalDate.parse("2026-03-28");
    private static final LocalDate TO = LocalDate.parse("2026-03-30");
    private static final String TABLE = "reports_metrics_queue_log";

    private final Jdbi jdbi = UnitDatabase.jdbi();
    private final ServiceReader reader = new ServiceReader(jdbi, QueueLogFixture.SETTINGS);
    /** the same rows through the aggregator alone, for what is not in the sums (orphans, calls still open) */
    private final Aggregator aggregator = new Aggregator(QueueLogFixture.SETTINGS, List.of());
    private final Aggregator.Batch batch = aggregator.process(QueueLogFixture.rows(), (callers, since) -> Map.of());

    @BeforeAll
    void ingest() {
        ReportsSchema.recreate(jdbi, TABLE);
        jdbi.useHandle(h -> h.execute("DROP TABLE IF EXISTS cdr")); // no busy rate here
        ReportsSchema.insert(jdbi, TABLE, QueueLogFixture.rows());
        assertThat(new Ingestion(jdbi, TABLE, QueueLogFixture.SETTINGS, 1000).run())
                .isEqualTo(QueueLogFixture.rows().size());
    }

    private List<ReportRow> report(ReportGroup by, ZoneId zone, Optional<String> queue, Optional<String> agent) {
        return reader.report(new ReportQuery(FROM, TO, zone, queue, agent, by));
    }

    private List<ReportRow> report(ReportGroup by) {
        return report(by, QueueLogFixture.BERLIN, Optional.empty(), Optional.empty());
    }

    @Test
    void everyFigureOfTheWholePeriod() {
        ServiceSummary s = report(ReportGroup.ALL).get(0).summary();
        // C1..C11 ended; C12 still talking
        assertThat(s.offered()).isEqualTo(11);
        // C1, C2, C7, C8, C9, C10
        assertThat(s.answered()).isEqualTo(6);
        // C7 blind, C8 attended (BRIDGE), C10 attended (LINK)
        assertThat(s.transferred()).isEqualTo(3);
        assertThat(s.abandoned()).isEqualTo(1); // C4, 40 s
        assertThat(s.shortAbandoned()).isEqualTo(1); // C3, 5 s < 10 s
        assertThat(s.timedOut()).isEqualTo(1); // C5
        assertThat(s.exitedByKey()).isEqualTo(1); // C6
        assertThat(s.exitedEmpty()).isEqualTo(1); // C11
        assertThat(s.otherExits()).isZero();
        assertThat(s.ringNoAnswer()).isEqualTo(2); // Bob on C2 and C4
        assertShare(s.answerRate(), 6.0 / 11);
        assertShare(s.abandonRate(), 1.0 / (11 - 1));
        // within X: C1 10<=15 (sales), C7 8<=15, C10 15<=15, C9 4<=20 (support); not C2 30>15, C8 25>20
        assertShare(s.serviceLevelAsterisk(), 4.0 / 6);
        assertShare(s.serviceLevelOffered(), 4.0 / 11);
        // answered waits 10 + 30 + 8 + 25 + 4 + 15 = 92
        assertShare(s.asa(), 92.0 / 6);
        // all waits 92 + 5 + 40 + 60 + 12 + 0 = 209
        assertShare(s.averageWait(), 209.0 / 11);
        assertShare(s.longestWait(), 60);
        // talk 100 + 200 + 50 + 70 + 60 + 40 = 520; C7 and C8, C10 only up to the transfer
        assertShare(s.averageTalk(), 520.0 / 6);
        // wrap-up 10 s on the 4 sales calls answered (C1, C2, C7, C10): 520 + 40
        assertShare(s.averageHandle(), 560.0 / 6);
        // answered with a number: C1, C2, C7, C8, C9 (C10 withheld); C1 repeated by C9
        assertThat(s.fcrEligible()).isEqualTo(5);
        assertThat(s.repeated()).isEqualTo(1);
        assertShare(s.firstCallResolution(), 4.0 / 5);
        // no CDR, no survey here
        assertThat(s.busyRate()).isEmpty();
        assertThat(s.solvedRate()).isEmpty();
        assertThat(s.complaintRate()).isEmpty();
        assertThat(s.survey()).isEmpty();
        assertThat(batch.orphans()).isEqualTo(1); // the ghost CONNECT
        assertThat(aggregator.openCalls()).isEqualTo(1); // C12
    }

    @Test
    void daysAndHoursFollowTheSiteClockAcrossTheChangeToSummerTime() {
        List<ReportRow> days = report(ReportGroup.DAY);
        assertThat(days).extracting(ReportRow::group).containsExactly("2026-03-28", "2026-03-29");
        assertThat(days.get(0).summary().offered()).isEqualTo(8); // C1..C8
        assertThat(days.get(1).summary().offered()).isEqualTo(3); // C9, C10, C11
        assertThat(days.get(1).summary().answered()).isEqualTo(2); // C9, C10
        List<ReportRow> hours = report(ReportGroup.HOUR).stream().filter(r -> r.group().startsWith("2026-03-29"))
                .toList();
        // 00:30 UTC is 01:30 CET; 01:30 and 01:45 UTC are 03:30 and 03:45 CEST: there is no 02:00 hour that day
        assertThat(hours).extracting(ReportRow::group).containsExactly("2026-03-29T01:00+01:00",
                "2026-03-29T03:00+02:00");
        assertThat(hours.get(1).summary().offered()).isEqualTo(2);
        assertThat(report(ReportGroup.WEEK)).extracting(ReportRow::group).containsExactly("2026-W13");
        assertThat(report(ReportGroup.MONTH)).extracting(ReportRow::group).containsExactly("2026-03");
        assertThat(report(ReportGroup.YEAR).get(0).summary().offered()).isEqualTo(11);
    }

    @Test
    void anotherZoneIsCutFromUtcHoursWhenItsOffsetIsWholeHours() {
        List<ReportRow> utcDays = report(ReportGroup.DAY, ZoneId.of("UTC"), Optional.empty(), Optional.empty());
        assertThat(utcDays).extracting(r -> r.summary().offered()).containsExactly(8L, 3L);
        // New York (-4 h then): C9..C11 (00:30-01:45 UTC) are still on 03-28 there; nothing before 04:00 UTC on 03-28
        // is in the period, so C1..C8 (09:00-10:05 UTC) are on 03-28 too
        List<ReportRow> newYork = report(ReportGroup.DAY, ZoneId.of("America/New_York"), Optional.empty(),
                Optional.empty());
        assertThat(newYork).extracting(ReportRow::group).containsExactly("2026-03-28");
        assertThat(newYork.get(0).summary().offered()).isEqualTo(11);
        assertThatThrownBy(() -> report(ReportGroup.DAY, ZoneId.of("Asia/Kolkata"), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("site.zone");
    }

    @Test
    void perQueue() {
        List<ReportRow> queues = report(ReportGroup.QUEUE);
        assertThat(queues).extracting(ReportRow::group).containsExactly("sales", "support");
        ServiceSummary sales = queues.get(0).summary();
        // C1..C7, C10, C11
        assertThat(sales.offered()).isEqualTo(9);
        assertThat(sales.answered()).isEqualTo(4); // C1, C2, C7, C10
        // within 15 s: C1, C7, C10
        assertShare(sales.serviceLevelAsterisk(), 3.0 / 4);
        assertShare(sales.serviceLevelOffered(), 3.0 / 9);
        // talk 100 + 200 + 50 + 40 = 390, + 4 x 10 wrap-up
        assertShare(sales.averageHandle(), 430.0 / 4);
        ServiceSummary support = queues.get(1).summary();
        assertThat(support.offered()).isEqualTo(2); // C8, C9
        assertShare(support.serviceLevelAsterisk(), 1.0 / 2); // C9 4 <= 20; C8 25 > 20
        assertShare(support.averageHandle(), 130.0 / 2); // no wrap-up in support
        assertThat(report(ReportGroup.ALL, QueueLogFixture.BERLIN, Optional.of("support"), Optional.empty()).get(0)
                .summary().offered()).isEqualTo(2);
    }

    @Test
    void perAgent() {
        List<ReportRow> agents = report(ReportGroup.AGENT);
        assertThat(agents).extracting(ReportRow::group).containsExactly("(none)", "Alice", "Bob", "Carol");
        ServiceSummary none = agents.get(0).summary();
        assertThat(none.offered()).isEqualTo(5); // C3, C4, C5, C6, C11
        assertThat(none.answered()).isZero();
        ServiceSummary alice = agents.get(1).summary();
        assertThat(alice.answered()).isEqualTo(3); // C1, C2, C10
        assertShare(alice.asa(), (10 + 30 + 15) / 3.0);
        assertShare(alice.firstCallResolution(), 1.0 / 2); // C1 repeated, C2 not; C10 withheld
        ServiceSummary bob = agents.get(2).summary();
        assertThat(bob.answered()).isEqualTo(1); // C7 (C12 not ended)
        assertThat(bob.ringNoAnswer()).isEqualTo(2);
        assertThat(bob.transferred()).isEqualTo(1);
        assertShare(bob.averageTalk(), 50); // up to the blind transfer
        ServiceSummary carol = agents.get(3).summary();
        assertThat(carol.answered()).isEqualTo(2); // C8, C9
        assertShare(carol.averageTalk(), (70 + 60) / 2.0);
        assertThat(report(ReportGroup.ALL, QueueLogFixture.BERLIN, Optional.empty(), Optional.of("Bob")).get(0)
                .summary().ringNoAnswer()).isEqualTo(2);
    }

    @Test
    void callRecordsForDrillDowns() {
        Map<String, CallState> byCallid = new java.util.HashMap<>();
        batch.calls().forEach(c -> byCallid.put(c.callid, c));
        assertThat(byCallid.get("c1").repeated).isTrue();
        assertThat(byCallid.get("c9").repeated).isFalse();
        assertThat(byCallid.get("c3").status).isEqualTo(CallState.Status.SHORT_ABANDON);
        assertThat(byCallid.get("c4").status).isEqualTo(CallState.Status.ABANDONED);
        assertThat(byCallid.get("c4").ringNoAnswer).isEqualTo(1);
        assertThat(byCallid.get("c6").exitKey).isEqualTo("5");
        assertThat(byCallid.get("c12").status).isEqualTo(CallState.Status.TALKING);
        assertThat(byCallid.get("c10").toRecord().agent()).contains("Alice");
    }

    @Test
    void aRepeatCallFoundInAnEarlierBatchIsCountedInTheEarlierCallsHour() {
        List<QueueLogRow> rows = QueueLogFixture.rows();
        int split = 30; // C1..C8 in the first batch, C9 (C1's caller again) in the second
        Aggregator twoBatches = new Aggregator(QueueLogFixture.SETTINGS, List.of());
        Aggregator.Batch first = twoBatches.process(rows.subList(0, split), (callers, since) -> Map.of());
        CallState c1 = first.calls().stream().filter(c -> c.callid.equals("c1")).findFirst().orElseThrow();
        assertThat(c1.repeated).isFalse();
        Aggregator.Batch second = twoBatches.process(rows.subList(split, rows.size()),
                (callers, since) -> callers.contains("0611") ? Map.of("0611", c1) : Map.of());
        assertThat(second.sums().get(Bucket.of(c1.enteredAt, QueueLogFixture.BERLIN, "sales", "Alice"))
                .get(Measure.REPEATED))
                .isEqualTo(1);
    }

    private static void assertShare(OptionalDouble actual, double expected) {
        assertThat(actual).isPresent();
        assertThat(actual.getAsDouble()).isCloseTo(expected, within(1e-9));
    }
}

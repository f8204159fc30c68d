package org.callscore.callback.internal.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.callback.CallbackFigureQuery;
import org.callscore.callback.CallbackFigureQuery.Grouping;
import org.callscore.callback.CallbackFigureRow;
import org.assertj.core.groups.Tuple;
import org.callscore.testing.database.SwitchableDatabase;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The callback figures, hand-worked, from callback rows in the real MariaDB (callscore.test.db.url) as the
 * module's migrations make them. November 2026 in Paris (UTC+1 all month):
 * <pre>
 *  c8 2026-10-31 23:00Z (Nov 1 00:00 Paris) sales  -     DONE, reached 23:10Z: 600 s, on time
 *  c1 2026-11-02 08:00Z                     sales  anna  DONE, reached 08:30Z: 1800 s, on time; closed a day later
 *  c2 2026-11-02 09:00Z asked 15:00Z        sales  anna  DONE, busy at 15:00Z, reached 16:30Z: 27000 s, late
 *  c3 2026-11-02 23:30Z (Nov 3 Paris)       support -    FAILED
 *  c4 2026-11-04 10:00Z                     support bob  EXPIRED, closed 6 days later (outside 3 days)
 *  c5 2026-11-05 10:00Z                     sales  anna  SCHEDULED
 *  c6 2026-11-05 11:00Z                     sales  -     CANCELLED
 *  c7 2026-10-31 22:59Z (Oct 31 Paris)      sales  -     DONE: before the period
 * </pre>
 */
class CallbackFiguresTest {

    private static final Jdbi MARIADB = UnitDatabase.jdbi();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);

    private final SwitchableDatabase database = new SwitchableDatabase(MARIADB);
    private final CallbackFiguresComponent figures = new CallbackFiguresComponent(database, Duration.ofMinutes(60));

    @BeforeEach
    void callbacks() {
        UnitDatabase.recreate(MARIADB, Path.of("src/main/resources/db/migration"), "callback_feed", "callback_change",
                "callback_attempt", "callback_queue_claim", "callback");
        callback("c8", "sales", null, "DONE", "2026-10-31T23:00:00Z", null, null);
        attempt("c8", 1, "ANSWERED", "2026-10-31T23:10:00Z");
        callback("c1", "sales", "anna", "DONE", "2026-11-02T08:00:00Z", null, "2026-11-03T08:00:00Z");
        attempt("c1", 1, "ANSWERED", "2026-11-02T08:30:00Z");
        callback("c2", "sales", "anna", "DONE", "2026-11-02T09:00:00Z", "2026-11-02T15:00:00Z", null);
        attempt("c2", 1, "BUSY", "2026-11-02T15:00:00Z");
        attempt("c2", 2, "ANSWERED", "2026-11-02T16:30:00Z");
        callback("c3", "support", null, "FAILED", "2026-11-02T23:30:00Z", null, null);
        attempt("c3", 1, "NO_ANSWER", "2026-11-03T08:00:00Z");
        callback("c4", "support", "bob", "EXPIRED", "2026-11-04T10:00:00Z", null, "2026-11-10T10:00:01Z");
        callback("c5", "sales", "anna", "SCHEDULED", "2026-11-05T10:00:00Z", null, null);
        callback("c6", "sales", null, "CANCELLED", "2026-11-05T11:00:00Z", null, null);
        callback("c7", "sales", null, "DONE", "2026-10-31T22:59:00Z", null, null);
        attempt("c7", 1, "ANSWERED", "2026-10-31T23:00:00Z");
    }

    private static CallbackFigureQuery november(Grouping groupBy) {
        return new CallbackFigureQuery(NOVEMBER, NOVEMBER.plusMonths(1), PARIS, Optional.empty(), Optional.empty(),
                groupBy, 3);
    }

    @Test
    void theMonthAsAWhole() {
        CallbackFigureRow all = single(figures.figures(november(Grouping.ALL)));

        assertThat(all.key()).isEqualTo("all");
        assertThat(List.of(all.requested(), all.done(), all.failed(), all.expired(), all.cancelled(), all.open()))
                .containsExactly(7L, 3L, 1L, 1L, 1L, 1L);
        assertThat(all.meanSecondsToReach()).isEqualTo(OptionalDouble.of((600 + 1800 + 27000) / 3.0));
        assertThat(all.medianSecondsToReach()).isEqualTo(OptionalDouble.of(1800));
        assertThat(all.onTime()).isEqualTo(2);
        assertThat(all.onTimeRate().getAsDouble()).isEqualTo(2 / 3.0);
        assertThat(all.closedWithinDays()).isEqualTo(1);
        assertThat(all.closureRate().getAsDouble()).isEqualTo(1 / 7.0);
    }

    @Test
    void daysAreTheCustomersSitesDaysNotUtcDays() {
        assertThat(figures.figures(november(Grouping.DAY)))
                .extracting(CallbackFigureRow::key, CallbackFigureRow::requested)
                .containsExactly(pair("2026-11-01", 1), pair("2026-11-02", 2), pair("2026-11-03", 1),
                        pair("2026-11-04", 1), pair("2026-11-05", 2));

        CallbackFigureQuery utc = new CallbackFigureQuery(NOVEMBER, NOVEMBER.plusMonths(1), ZoneOffset.UTC,
                Optional.empty(), Optional.empty(), Grouping.DAY, 3);
        assertThat(figures.figures(utc)).extracting(CallbackFigureRow::key, CallbackFigureRow::requested)
                .containsExactly(pair("2026-11-02", 3), pair("2026-11-04", 1), pair("2026-11-05", 2));
    }

    @Test
    void byAgentAndQueueAndFiltered() {
        assertThat(figures.figures(november(Grouping.AGENT)))
                .extracting(CallbackFigureRow::key, CallbackFigureRow::requested, CallbackFigureRow::done)
                .containsExactly(tuple("(none)", 3L, 1L),
                        tuple("anna", 3L, 2L),
                        tuple("bob", 1L, 0L));
        assertThat(figures.figures(november(Grouping.QUEUE))).extracting(CallbackFigureRow::key,
                CallbackFigureRow::requested).containsExactly(pair("sales", 5), pair("support", 2));

        CallbackFigureQuery support = new CallbackFigureQuery(NOVEMBER, NOVEMBER.plusMonths(1), PARIS,
                Optional.of("support"), Optional.empty(), Grouping.ALL, 3);
        CallbackFigureRow row = single(figures.figures(support));
        assertThat(List.of(row.requested(), row.failed(), row.expired())).containsExactly(2L, 1L, 1L);
        assertThat(row.meanSecondsToReach()).isEmpty();
        assertThat(row.onTimeRate()).isEmpty();

        CallbackFigureQuery anna = new CallbackFigureQuery(NOVEMBER, NOVEMBER.plusMonths(1), PARIS, Optional.empty(),
                Optional.of("anna"), Grouping.ALL, 3);
        assertThat(single(figures.figures(anna)).requested()).isEqualTo(3);
    }

    @Test
    void theClosureWindowIsTheQuerys() {
        CallbackFigureQuery week = new CallbackFigureQuery(NOVEMBER, NOVEMBER.plusMonths(1), PARIS, Optional.empty(),
                Optional.empty(), Grouping.ALL, 7);
        assertThat(single(figures.figures(week)).closedWithinDays()).isEqualTo(2); // c4 closed after 6 days
    }

    @Test
    void noFiguresWithoutTheTables() {
        database.goDown();
        assertThatThrownBy(() -> figures.figures(november(Grouping.ALL)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("callback tables are not ready");
    }

    private static Tuple pair(String key, long requested) {
        return tuple(key, requested);
    }

    private static CallbackFigureRow single(List<CallbackFigureRow> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static void callback(String id, String queue, String agent, String state, String requested,
            String askedFor, String closed) {
        Timestamp requestedAt = ts(requested);
        MARIADB.useHandle(h -> h.createUpdate("""
                INSERT INTO callback (id, queue, customer_number, customer_zone, agent, source, requested_at,
                                      asked_for, due_at, expires_at, state, closed_at, updated_at)
                VALUES (:id, :queue, '0123456789', 'Europe/Paris', :agent, 'PHONE', :requested, :asked, :requested,
                        :requested, :state, :closed, :requested)""")
                .bind("id", id).bind("queue", queue).bind("agent", agent).bind("requested", requestedAt)
                .bind("asked", askedFor == null ? null : ts(askedFor)).bind("state", state)
                .bind("closed", closed == null ? null : ts(closed)).execute());
    }

    private static void attempt(String callbackId, int number, String outcome, String dialled) {
        MARIADB.useHandle(h -> h.createUpdate("""
                INSERT INTO callback_attempt (callback_id, number, channel_id, node, claimed_at, dialled_at, ended_at,
                                              outcome)
                VALUES (:id, :number, :channel, 'node1', :dialled, :dialled, :dialled, :outcome)""")
                .bind("id", callbackId).bind("number", number).bind("channel", callbackId + "-" + number)
                .bind("dialled", ts(dialled)).bind("outcome", outcome).execute());
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}

package org.callscore.callback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.callscore.callback.Callback;
import org.callscore.callback.CallbackChange;
import org.callscore.callback.CallbackMessage;
import org.callscore.callback.CallbackQuery;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.CallbackState;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.files.RecordSpool;
import org.callscore.testing.database.FrozenMariaDb;
import org.callscore.testing.database.SwitchableDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Callbacks service against the real MariaDB (callscore.test.db.url), and its spool while MariaDB is down. */
class CallbackBookTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path folder;

    private final SwitchableDatabase database = new SwitchableDatabase(Fixtures.MARIADB);
    /**
     * A bound no write reaches on a loaded test machine (300 ms was passed once, and the request went to the
     * spool): only {@link #aHangingMariaDbCostsOneBoundThenTheSpoolTakesTheRest} is about the bound, with its own.
     */
    private BoundedWriter writer = new BoundedWriter("callback", Duration.ofSeconds(10), 2, 10);
    private RecordSpool spool;
    private CallbackBook book;

    @BeforeEach
    void fresh() {
        Fixtures.freshTables();
        spool = new RecordSpool(folder.resolve("spool"), ".request", (file, why) -> { });
        book = book();
    }

    private CallbackBook book() {
        CallbackSettings settings = Fixtures.settings(Map.of(), Map.of());
        return new CallbackBook(spool, () -> database, writer, Clock.fixed(NOW, ZoneOffset.UTC), () -> PARIS,
                () -> settings, (queue, zone) -> settings.hours(queue, zone, Map.of()));
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    static CallbackRequest request(String number, Optional<Instant> askedFor) {
        return new CallbackRequest("sales", number, Optional.empty(), Optional.empty(), "invoice\nwrong",
                CallbackSource.DASHBOARD, askedFor, Optional.of("1700000000.7"), Optional.empty(), "anna");
    }

    @Test
    void aRequestIsStoredNormalisedWithItsHistory() {
        String id = book.request(request("+33 (1) 23-45.67", Optional.of(NOW.plus(Duration.ofHours(3)))));

        Callback c = book.byId(id).orElseThrow();
        assertThat(c.customerNumber()).isEqualTo("+33123 4567".replace(" ", ""));
        assertThat(c.customerZone()).isEqualTo(PARIS); // the site's, none given
        assertThat(c.reason()).isEqualTo("invoice wrong");
        assertThat(c.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(c.expiresAt()).isEqualTo(c.dueAt().plus(Duration.ofHours(72)));
        assertThat(c.state()).isEqualTo(CallbackState.SCHEDULED);
        assertThat(c.callUniqueId()).contains("1700000000.7");
        assertThat(book.history(id)).extracting(CallbackChange::kind, CallbackChange::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CallbackChange.Kind.CREATED, "anna"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        assertThatThrownBy(() -> book.request(request("12a4", Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("customerNumber");
        assertThatThrownBy(() -> book.request(new CallbackRequest("sales;x", "123", Optional.empty(), Optional.empty(),
                "", CallbackSource.CONSOLE, Optional.empty(), Optional.empty(), Optional.empty(), "root")))
                .hasMessageStartingWith("queue");
        assertThatThrownBy(() -> book.request(new CallbackRequest("sales", "123", Optional.empty(), Optional.empty(),
                "x".repeat(501), CallbackSource.CONSOLE, Optional.empty(), Optional.empty(), Optional.empty(), "root")))
                .hasMessageStartingWith("reason");
        assertThatThrownBy(() -> book.request(request("+", Optional.empty()))).hasMessageStartingWith("customerNumber");
        assertThatThrownBy(() -> book.request(new CallbackRequest("sales", "123", Optional.of(ZoneId.of("+02:00")),
                Optional.empty(), "", CallbackSource.CONSOLE, Optional.empty(), Optional.empty(), Optional.empty(),
                "root"))).hasMessageStartingWith("customerZone");
        assertThatThrownBy(() -> book.request(new CallbackRequest("sales", "123", Optional.empty(), Optional.empty(),
                "", CallbackSource.CONSOLE, Optional.of(NOW.plus(Duration.ofDays(400))), Optional.empty(),
                Optional.empty(), "root"))).hasMessageStartingWith("askedFor");
        assertThat(Fixtures.count("SELECT COUNT(*) FROM callback")).isZero();
    }

    @Test
    void oneCallbackPerSurveyResponse() {
        String response = UUID.randomUUID().toString();
        CallbackRequest fromSurvey = new CallbackRequest("sales", "0612345678", Optional.of(ZoneId.of("UTC")),
                Optional.empty(), "score 1", CallbackSource.SURVEY, Optional.empty(), Optional.empty(),
                Optional.of(response), "survey");

        String first = book.request(fromSurvey);
        String second = book.request(fromSurvey);

        assertThat(second).isEqualTo(first);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM callback")).isEqualTo(1);
    }

    @Test
    void twoRequestsForOneSurveyResponseAtOnceMakeOneCallback() throws Exception {
        String response = UUID.randomUUID().toString();
        CallbackRequest fromSurvey = new CallbackRequest("sales", "0612345678", Optional.empty(), Optional.empty(),
                "score 1", CallbackSource.SURVEY, Optional.empty(), Optional.empty(), Optional.of(response), "survey");
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<String> ask = () -> {
            together.await();
            return book.request(fromSurvey);
        };
        java.util.concurrent.Future<String> a = two.submit(ask);
        java.util.concurrent.Future<String> b = two.submit(ask);

        assertThat(a.get()).isEqualTo(b.get());
        two.shutdown();
        assertThat(Fixtures.count("SELECT COUNT(*) FROM callback")).isEqualTo(1);
        assertThat(book.pending()).isZero();
    }

    static CallbackRequest voicemail(String number, CallbackMessage message) {
        return new CallbackRequest("sales", number, Optional.empty(), Optional.empty(), "voicemail",
                CallbackSource.VOICEMAIL, Optional.empty(), Optional.of("1700000000.9"), Optional.empty(), "phone",
                Optional.of(message));
    }

    @Test
    void aVoiceMessageStaysWithItsCallbackThroughChangesAndTheSpool() {
        CallbackMessage message = new CallbackMessage("/var/lib/callscore/recordings/pbx1/2026-12-02/"
                + "voicemail-1700000000.9.wav", Optional.of(42L), Duration.ofMillis(6240));
        String id = book.request(voicemail("0612345678", message));
        assertThat(book.byId(id).orElseThrow().message()).contains(message);
        assertThat(book.move(id, Optional.empty(), "bob").message()).contains(message);
        assertThat(book.assign(id, Optional.of("agent1"), "bob").message()).contains(message);
        assertThat(book.byId(id).orElseThrow().source()).isEqualTo(CallbackSource.VOICEMAIL);
        assertThat(book.history(id).get(0).detail()).contains("voice message of 6 s");
        assertThat(book.byId(book.request(request("0611111111", Optional.empty()))).orElseThrow().message())
                .as("a request without one").isEmpty();

        database.goDown();
        CallbackMessage unindexed = new CallbackMessage("/var/lib/callscore/recordings/pbx1/2026-12-02/"
                + "voicemail-1700000000.11.wav", Optional.empty(), Duration.ofSeconds(3));
        String spooled = book.request(voicemail("0622222222", unindexed));
        database.comeBack();
        book.replay();
        assertThat(book.byId(spooled).orElseThrow().message()).as("written from the spool").contains(unindexed);
    }

    @Test
    void aMessageFileThatIsNotAPlainAbsolutePathIsRefused() {
        for (String file : List.of("voicemail.wav", "/a/../../etc/passwd.wav", "/a/b c.wav", "/a/b,c.wav",
                "/a/$(x).wav", "/a/b")) {
            assertThatThrownBy(() -> book.request(voicemail("0612345678", new CallbackMessage(file, Optional.empty(),
                    Duration.ofSeconds(3))))).as(file).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("message");
        }
        assertThat(Fixtures.count("SELECT COUNT(*) FROM callback")).isZero();
    }

    @Test
    void moveAssignCancelAndCloseRaiseTheSequenceAndKeepHistory() {
        String id = book.request(request("0612345678", Optional.empty()));

        Callback moved = book.move(id, Optional.of(NOW.plus(Duration.ofDays(1))), "bob");
        Callback assigned = book.assign(id, Optional.of("agent1"), "bob");
        Callback closed = book.close(id, "bob", "solved");
        Callback cancelled = book.cancel(id, "bob", "customer called in");

        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(assigned.agent()).contains("agent1");
        assertThat(cancelled.state()).isEqualTo(CallbackState.CANCELLED);
        assertThat(closed.closedAt()).contains(NOW);
        assertThat(cancelled.sequence()).isEqualTo(4);
        assertThat(book.history(id)).extracting(CallbackChange::kind).containsExactly(CallbackChange.Kind.CREATED,
                CallbackChange.Kind.MOVED, CallbackChange.Kind.ASSIGNED, CallbackChange.Kind.CLOSED,
                CallbackChange.Kind.CANCELLED);
        assertThatThrownBy(() -> book.close(id, "bob", "")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> book.move(id, Optional.empty(), "bob")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CANCELLED");
        assertThatThrownBy(() -> book.cancel(UUID.randomUUID().toString(), "bob", ""))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void findFiltersByQueueAgentAndState() {
        String a = book.request(request("0611111111", Optional.of(NOW.plus(Duration.ofHours(2)))));
        String b = book.request(request("0622222222", Optional.of(NOW.plus(Duration.ofHours(1)))));
        book.assign(a, Optional.of("agent1"), "bob");
        book.cancel(b, "bob", "");

        assertThat(book.find(new CallbackQuery(Optional.of("sales"), Optional.empty(), Set.of(), Optional.empty(),
                Optional.empty(), 10))).extracting(Callback::id).containsExactly(b, a);
        assertThat(book.find(new CallbackQuery(Optional.empty(), Optional.of("agent1"), Set.of(CallbackState.SCHEDULED),
                Optional.empty(), Optional.empty(), 10))).extracting(Callback::id).containsExactly(a);
        assertThat(book.find(new CallbackQuery(Optional.of("support"), Optional.empty(), Set.of(), Optional.empty(),
                Optional.empty(), 10))).isEmpty();
    }

    @Test
    void whileMariaDbIsDownARequestIsSpooledAndWrittenOnceWhenItIsBack() {
        database.goDown();

        String id = book.request(request("0612345678", Optional.empty()));
        assertThat(book.pending()).isEqualTo(1);
        book.replay(); // still down: kept
        assertThat(book.pending()).isEqualTo(1);

        database.comeBack();
        book.replay();
        book.replay();

        assertThat(book.pending()).isZero();
        assertThat(book.byId(id)).isPresent();
        assertThat(Fixtures.count("SELECT COUNT(*) FROM callback")).isEqualTo(1);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM callback_change")).isEqualTo(1);
    }

    @Test
    void aRequestWrittenAndSpooledBothIsStoredOnce() throws Exception {
        String id = book.request(request("0612345678", Optional.empty()));
        Callback c = book.byId(id).orElseThrow();
        spool.put(id, RequestRecord.of(c, "anna")); // as when a late write finished after all

        book.replay();

        assertThat(book.pending()).isZero();
        assertThat(Fixtures.count("SELECT COUNT(*) FROM callback")).isEqualTo(1);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM callback_change")).isEqualTo(1);
    }

    @Test
    void aHangingMariaDbCostsOneBoundThenTheSpoolTakesTheRest() {
        writer.close();
        writer = new BoundedWriter("callback", Duration.ofMillis(300), 2, 10);
        book = book();
        try (FrozenMariaDb frozen = database.freeze()) {
            String first = book.request(request("0611111111", Optional.empty()));
            String second = book.request(request("0622222222", Optional.empty()));
            assertThat(writer.bypassing()).isTrue();
            assertThat(book.pending()).isEqualTo(2);
            database.comeBack();
            book.replay();
            assertThat(book.byId(first)).isPresent();
            assertThat(book.byId(second)).isPresent();
        }
        assertThat(writer.bypassing()).isFalse();
    }

    @Test
    void anUnreadableSpoolFileIsSetAsideAndTheOthersAreWritten() throws Exception {
        database.goDown();
        String id = book.request(request("0612345678", Optional.empty()));
        Files.writeString(spool.folder().resolve(UUID.randomUUID() + ".request"), "id=nonsense\n");
        database.comeBack();

        book.replay();

        assertThat(book.byId(id)).isPresent();
        try (var files = Files.list(spool.folder())) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".rejected")).count())
                    .isEqualTo(1);
        }
        assertThat(List.of(book.pending())).containsExactly(0);
    }
}

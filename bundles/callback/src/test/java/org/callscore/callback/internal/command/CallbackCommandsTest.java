package org.callscore.callback.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;

import org.callscore.callback.Callback;
import org.callscore.callback.CallbackChange;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.CallbackState;
import org.callscore.callback.Callbacks;
import org.callscore.callback.internal.TestBooks;
import org.callscore.support.database.BoundedWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The callback:* commands against the real Callbacks service and MariaDB (the unit database). */
class CallbackCommandsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path folder;

    private final BoundedWriter writer = TestBooks.writer();
    private Callbacks callbacks;

    @BeforeEach
    void fresh() {
        callbacks = TestBooks.fresh(folder.resolve("spool"), writer, Clock.fixed(NOW, ZoneOffset.UTC), PARIS);
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    private <C extends CallbackCommand> C wired(C command) {
        command.callbacks = callbacks;
        command.siteZone = () -> PARIS;
        command.user = "maria";
        return command;
    }

    private String request(String queue, String number, String at) {
        RequestCommand request = wired(new RequestCommand());
        request.queue = queue;
        request.number = number;
        request.at = at;
        request.zone = "America/New_York";
        request.reason = "invoice wrong";
        request.run(callbacks);
        return callbacks.find(new org.callscore.callback.CallbackQuery(java.util.Optional.of(queue),
                java.util.Optional.empty(), java.util.Set.of(), java.util.Optional.empty(), java.util.Optional.empty(),
                10)).stream().filter(c -> c.customerNumber().equals(number)).findFirst().orElseThrow().id();
    }

    @Test
    void requestStoresACallbackAtTheCustomersLocalTimeByTheConsoleUser() {
        String id = request("sales", "0612345678", "2026-12-03 10:30");

        Callback c = callbacks.byId(id).orElseThrow();
        assertThat(c.askedFor()).contains(Instant.parse("2026-12-03T15:30:00Z")); // 10:30 in New York
        assertThat(c.customerZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(c.source()).isEqualTo(CallbackSource.CONSOLE);
        assertThat(callbacks.history(id)).extracting(CallbackChange::actor).containsExactly("maria");
    }

    @Test
    void listHidesNumbersUnlessAskedAndShowsOpenOnesSoonestFirst() {
        String later = request("sales", "0612345678", "2026-12-04 10:00");
        String sooner = request("sales", "0698765432", "2026-12-03 10:00");
        String cancelled = request("sales", "0611111111", null);
        callbacks.cancel(cancelled, "maria", "asked twice");

        ListCommand list = wired(new ListCommand());
        String text = list.run(callbacks);
        assertThat(text).contains("*******678", "*******432", "2026-12-03 10:00", "America/New_York", "scheduled")
                .doesNotContain("0612345678", cancelled).contains("2 callbacks; numbers partly hidden");
        assertThat(text.indexOf(sooner)).isLessThan(text.indexOf(later));

        list.numbers = true;
        assertThat(list.run(callbacks)).contains("0612345678", "0698765432");

        ListCommand cancelledOnes = wired(new ListCommand());
        cancelledOnes.states = List.of("cancelled");
        assertThat(cancelledOnes.run(callbacks)).contains(cancelled).doesNotContain(sooner);
        ListCommand otherQueue = wired(new ListCommand());
        otherQueue.queue = "support";
        assertThat(otherQueue.run(callbacks)).isEqualTo("No callbacks match." + System.lineSeparator());
    }

    @Test
    void moveCancelCloseChangeTheCallbackAndItsHistorySaysWho() {
        String id = request("sales", "0612345678", "2026-12-03 10:30");

        MoveCommand move = wired(new MoveCommand());
        move.id = id;
        move.at = "2026-12-05 09:15";
        assertThat(move.run(callbacks)).contains("2026-12-05 09:15 America/New_York");
        assertThat(callbacks.byId(id).orElseThrow().askedFor()).contains(Instant.parse("2026-12-05T14:15:00Z"));

        CloseCommand close = wired(new CloseCommand());
        close.id = id;
        close.note = "solved on the phone";
        assertThat(close.run(callbacks)).contains("Closed:");

        CancelCommand cancel = wired(new CancelCommand());
        cancel.id = id;
        cancel.why = "customer came in";
        cancel.run(callbacks);
        assertThat(callbacks.byId(id).orElseThrow().state()).isEqualTo(CallbackState.CANCELLED);

        HistoryCommand history = wired(new HistoryCommand());
        history.id = id;
        String text = history.run(callbacks);
        assertThat(text).contains("created", "moved", "closed", "cancelled", "maria", "*******678")
                .doesNotContain("0612345678");
        history.number = true;
        assertThat(history.run(callbacks)).contains("0612345678");
    }

    @Test
    void badInputIsRefusedNamingTheOption() {
        String id = request("sales", "0612345678", null);
        MoveCommand neither = wired(new MoveCommand());
        neither.id = id;
        assertThatThrownBy(() -> neither.run(callbacks)).hasMessageContaining("--at").hasMessageContaining("--asap");
        MoveCommand badTime = wired(new MoveCommand());
        badTime.id = id;
        badTime.at = "tomorrow";
        assertThatThrownBy(() -> badTime.run(callbacks)).hasMessageContaining("--at tomorrow");
        MoveCommand unknown = wired(new MoveCommand());
        unknown.id = "no-such-id";
        unknown.asap = true;
        assertThatThrownBy(() -> unknown.run(callbacks)).isInstanceOf(NoSuchElementException.class);
        ListCommand badState = wired(new ListCommand());
        badState.states = List.of("ringing");
        assertThatThrownBy(() -> badState.run(callbacks)).hasMessageContaining("--state ringing");
    }

    @Test
    void withoutTheServiceTheCommandsSaySoTheWayEveryModuleDoes() throws Exception {
        ListCommand list = new ListCommand();
        assertThat(list.text()).isEmpty();
    }

    @Test
    void numbersAreMaskedButTheirEndStays() {
        assertThat(CallbackText.masked("+33612345678")).isEqualTo("+********678");
        assertThat(CallbackText.masked("1234")).isEqualTo("***4");
    }
}

package org.callscore.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.callscore.recording.Recording;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingPage;
import org.callscore.recording.RecordingQuery;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each search filter, alone and together, and paging, newest first. */
class SearchTest {

    private Jdbi jdbi;
    private RecordingStore store;

    static RecordingQuery all() {
        return query(Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, 100);
    }

    private static RecordingQuery query(Optional<String> caller, Optional<String> agent, Optional<String> queue,
            OptionalDouble minScore, OptionalDouble maxScore, int offset, int limit) {
        return new RecordingQuery(caller, agent, queue, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), minScore, maxScore, Optional.empty(), Set.of(), offset, limit);
    }

    @BeforeEach
    void rows() {
        jdbi = RecordingFixture.freshTables();
        store = new RecordingStore(() -> jdbi);
        // id, caller, agent, queue, minutes after T0, seconds long, mean score, complaint
        row(1, "+49301234567", "alice", "sales", 0, 30, 4.5, false);
        row(2, "0301234567", "bob", "sales", 10, 200, 1.5, true);
        row(3, "+4940555000", "alice", "support", 20, 90, 3.0, false);
        row(4, "+4940555000", "bob", "support", 60 * 25, 10, null, false);
        row(5, "112", "carol", "sales", 30, 60, 2.0, true);
    }

    private void row(long id, String caller, String agent, String queue, int minutes, int seconds, Double mean,
            boolean complaint) {
        jdbi.useHandle(h -> h.execute("INSERT INTO recording (id, server, uniqueid, channel_uniqueid, kind, caller, "
                + "caller_reversed, agent, queue, started_at, duration_ms, size_bytes, format, file, sha256, state, "
                + "matched, mean_score, complaint) VALUES (?, 'pbx1', ?, ?, 'QUEUE_CALL', ?, ?, ?, ?, ?, ?, 1000, "
                + "'wav', ?, 'x', 'READY', TRUE, ?, ?)", id, id + ".1", id + ".1", caller,
                CallerNumber.reversed(caller), agent, queue,
                Timestamp.from(RecordingFixture.T0.plus(Duration.ofMinutes(minutes))), seconds * 1000L,
                "f" + id + ".wav", mean, complaint));
    }

    private List<Long> ids(RecordingQuery q) {
        return store.search(q).recordings().stream().map(Recording::id).toList();
    }

    @Test
    void everythingNewestFirst() {
        assertThat(ids(all())).containsExactly(4L, 5L, 3L, 2L, 1L);
    }

    @Test
    void byTheLastDigitsOfTheCallersNumberWhateverItsPrefix() {
        assertThat(ids(query(Optional.of("1234567"), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, 100))).containsExactly(2L, 1L);
        // the same number written nationally or internationally finds both ways the CDR wrote it
        for (String written : List.of("030 123-4567", "+49 30 1234567", "0049 30 123 45 67", "(0)30 1234567")) {
            assertThat(ids(query(Optional.of(written), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), 0, 100))).as(written).containsExactly(2L, 1L);
        }
        assertThat(ids(query(Optional.of("040 555 000"), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, 100))).containsExactly(4L, 3L);
        assertThat(ids(query(Optional.of("+33 1 2345 67"), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, 100))).as("another country's number ending the same").isEmpty();
        assertThat(ids(query(Optional.of("555000"), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, 100))).containsExactly(4L, 3L);
        assertThat(ids(query(Optional.of("9999"), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, 100))).isEmpty();
        assertThatThrownBy(() -> store.search(query(Optional.of("anonymous"), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), 0, 100))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digits");
        assertThatThrownBy(() -> store.search(query(Optional.of("+49"), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), 0, 100))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after its prefix");
    }

    @Test
    void byAgentAndByQueue() {
        assertThat(ids(query(Optional.empty(), Optional.of("alice"), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, 100))).containsExactly(3L, 1L);
        assertThat(ids(query(Optional.empty(), Optional.of("bob"), Optional.of("support"), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, 100))).containsExactly(4L);
    }

    @Test
    void byTimeRangeAndDuration() {
        Instant t0 = RecordingFixture.T0;
        RecordingQuery day = new RecordingQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(t0.plus(Duration.ofMinutes(10))), Optional.of(t0.plus(Duration.ofHours(24))),
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                Set.of(), 0, 100);
        assertThat(ids(day)).containsExactly(5L, 3L, 2L);
        RecordingQuery lengths = new RecordingQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(Duration.ofSeconds(30)),
                Optional.of(Duration.ofSeconds(90)), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                Set.of(), 0, 100);
        assertThat(ids(lengths)).containsExactly(5L, 3L, 1L);
    }

    @Test
    void byScoreRangeAndComplaint() {
        assertThat(ids(query(Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.of(1),
                OptionalDouble.of(2), 0, 100))).containsExactly(5L, 2L);
        assertThat(ids(query(Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.of(3),
                OptionalDouble.empty(), 0, 100))).containsExactly(3L, 1L);
        RecordingQuery complaints = new RecordingQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.of(true), Set.of(), 0, 100);
        assertThat(ids(complaints)).containsExactly(5L, 2L);
        RecordingQuery noComplaint = new RecordingQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.of(false), Set.of(), 0, 100);
        assertThat(ids(noComplaint)).containsExactly(4L, 3L, 1L);
    }

    @Test
    void byKind() {
        RecordingQuery comments = new RecordingQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty(), Set.of(RecordingKind.VOICE_COMMENT), 0, 100);
        assertThat(ids(comments)).isEmpty();
    }

    @Test
    void pageByPage() {
        RecordingPage first = store.search(query(Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), 0, 2));
        assertThat(first.recordings()).extracting(Recording::id).containsExactly(4L, 5L);
        assertThat(first.more()).isTrue();
        RecordingPage last = store.search(query(Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), 4, 2));
        assertThat(last.recordings()).extracting(Recording::id).containsExactly(1L);
        assertThat(last.more()).isFalse();
    }

    @Test
    void recordingsInProgressAreNotFound() {
        jdbi.useHandle(h -> h.execute("UPDATE recording SET state = 'RECORDING' WHERE id = 4"));
        assertThat(ids(all())).containsExactly(5L, 3L, 2L, 1L);
    }
}

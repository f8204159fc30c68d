package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.callscore.survey.ResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseJournalTest {

    @TempDir
    Path folder;

    static ResponseEvent.Offered offered(String responseId, String queue) {
        return new ResponseEvent.Offered(responseId, "after-call", "ab".repeat(32), "intro = i\nthanks = t\n",
                "1700000000.1", null, queue, "Agent One", Instant.ofEpochMilli(1_700_000_000_123L), 3);
    }

    static ResponseEvent.Answered answered(String responseId, String question, int score) {
        return new ResponseEvent.Answered(responseId, question, 1, "FIVE_POINT", "empathy", score, score == 1, 2,
                Instant.ofEpochMilli(1_700_000_001_000L));
    }

    @Test
    void everyEventComesBackAsWrittenWhateverItsText() {
        // caller-side text with separators, line ends and the journal's own markers in it
        ResponseEvent hostile = offered("r1", "sales ~ %0A\r\nanswered r2 x");
        ResponseEvent ended = new ResponseEvent.Ended("r1", ResponseStatus.PARTIAL, Instant.ofEpochMilli(5), null);
        for (ResponseEvent event : List.of(hostile, answered("r1", "q1", 4), ended)) {
            assertThat(event.toLine()).doesNotContain("\n", "\r");
            assertThat(ResponseEvent.parse(event.toLine())).isEqualTo(event);
        }
    }

    @Test
    void keepsEventsAcrossInstancesAndRemovesOnlyWhatWasWritten() {
        Path file = folder.resolve("journal.log");
        ResponseJournal journal = new ResponseJournal(file);
        journal.append(offered("r1", "sales"));
        journal.append(answered("r1", "q1", 5));
        List<ResponseEvent> taken = journal.events();

        // a call in an older instance of the bundle appends while the replay writes
        new ResponseJournal(file).append(answered("r2", "q1", 3));
        journal.remove(taken);
        // a second replayer that had read the same events removes nothing more
        journal.remove(taken);

        assertThat(new ResponseJournal(file).events()).containsExactly(answered("r2", "q1", 3));
        assertThat(journal.holds("r2")).isTrue();
        assertThat(journal.holds("r1")).isFalse();
        journal.remove(journal.events());
        assertThat(file).doesNotExist();
        assertThat(journal.size()).isZero();
    }

    @Test
    void aCutOffOrForeignLineIsSetAsideNotLost() throws Exception {
        Path file = folder.resolve("journal.log");
        ResponseJournal journal = new ResponseJournal(file);
        journal.append(answered("r1", "q1", 2));
        Files.writeString(file, "not an event\nanswered r1 q2 2 FIVE", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(journal.events()).containsExactly(answered("r1", "q1", 2));
        assertThat(Files.readString(journal.rejectedFile())).isEqualTo("not an event\nanswered r1 q2 2 FIVE\n");
        assertThat(Files.readString(file)).isEqualTo(answered("r1", "q1", 2).toLine() + "\n");
    }
}

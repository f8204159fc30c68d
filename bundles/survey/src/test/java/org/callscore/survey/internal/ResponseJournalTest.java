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

    /** A hand edit in a Latin-1 editor: the line is set aside byte for byte, the others stay readable. */
    @Test
    void aLineThatIsNotUtf8IsSetAsideAndTheRestIsStillRead() throws Exception {
        Path file = folder.resolve("journal.log");
        ResponseJournal journal = new ResponseJournal(file);
        journal.append(answered("r1", "q1", 2));
        byte[] latin1 = "answered r1 q\u00e9 1 FIVE_POINT empathy 2 false 1 1700000001000\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1, StandardOpenOption.APPEND);
        Files.writeString(file, answered("r1", "q3", 4).toLine() + "\n", StandardOpenOption.APPEND);

        ResponseJournal restarted = new ResponseJournal(file);
        assertThat(restarted.events()).containsExactly(answered("r1", "q1", 2), answered("r1", "q3", 4));
        assertThat(Files.readAllBytes(restarted.rejectedFile())).isEqualTo(latin1);
        assertThat(restarted.size()).isEqualTo(2);
        // and what is appended afterwards is kept after what was there
        restarted.append(answered("r2", "q1", 5));
        assertThat(new ResponseJournal(file).events()).containsExactly(answered("r1", "q1", 2),
                answered("r1", "q3", 4), answered("r2", "q1", 5));
    }

    /** Another instance of the bundle (a call still running in the old one) appends: this one sees it. */
    @Test
    void whatAnotherInstanceAppendsOrRemovesIsSeen() {
        Path file = folder.resolve("journal.log");
        ResponseJournal replaying = new ResponseJournal(file);
        ResponseJournal old = new ResponseJournal(file);
        old.append(offered("r1", "sales"));
        replaying.append(offered("r2", "sales"));
        old.append(answered("r1", "q1", 3));

        assertThat(replaying.events()).containsExactly(offered("r1", "sales"), offered("r2", "sales"),
                answered("r1", "q1", 3));
        assertThat(replaying.size()).isEqualTo(3);
        replaying.remove(replaying.events().subList(0, 2));
        old.append(answered("r1", "q2", 4));

        assertThat(new ResponseJournal(file).events()).containsExactly(answered("r1", "q1", 3),
                answered("r1", "q2", 4));
        assertThat(replaying.size()).isEqualTo(2);
        assertThat(old.size()).isEqualTo(2);
        assertThat(replaying.holds("r2")).isFalse();
    }

    /** The journal's cost per event must not grow with what it holds: appending never reads the file again. */
    /** Callers appending at once share writes: each event is on disk once, whole, and the first one says so. */
    @Test
    void eventsAppendedAtTheSameMomentAreAllKeptOnceEach() throws Exception {
        Path file = folder.resolve("journal.log");
        ResponseJournal journal = new ResponseJournal(file);
        int callers = 30;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger firsts = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < callers; i++) {
            ResponseEvent event = answered("r" + i, "q1", 3);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (journal.append(event)) {
                    firsts.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(firsts).as("appends that found the journal empty").hasValue(1);
        assertThat(journal.size()).isEqualTo(callers);
        List<ResponseEvent> reread = new ResponseJournal(file).events();
        assertThat(reread).hasSize(callers).doesNotHaveDuplicates();
        for (int i = 0; i < callers; i++) {
            assertThat(journal.holds("r" + i)).isTrue();
        }
        assertThat(journal.append(answered("later", "q1", 2))).as("not the first of the outage").isFalse();
    }

    @Test
    void appendingAndAskingWhatItHoldsDoNotReadTheFileAgain() {
        Path file = folder.resolve("journal.log");
        new ResponseJournal(file).append(offered("r0", "sales"));
        ResponseJournal journal = new ResponseJournal(file);
        long readsAtStart = journal.fileReads();
        for (int i = 1; i <= 500; i++) {
            assertThat(journal.holds("r" + i)).isFalse();
            journal.append(answered("r" + i, "q1", 3));
        }

        assertThat(journal.holds("r0")).isTrue();
        assertThat(journal.holds("r250")).isTrue();
        assertThat(journal.size()).isEqualTo(501);
        assertThat(journal.fileReads()).as("reads of the whole file").isEqualTo(readsAtStart);
    }
}

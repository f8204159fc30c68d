package org.callscore.support.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordSpoolTest {

    private static final String ID = "00000000-0000-0000-0000-00000000000";

    @TempDir
    Path folder;

    private final List<String> stuck = new ArrayList<>();

    private RecordSpool spool() {
        return new RecordSpool(folder.resolve("spool"), ".request", (file, why) -> stuck.add(file.getFileName() + " " + why));
    }

    private static Properties record(String value) {
        Properties p = new Properties();
        p.setProperty("text", value);
        return p;
    }

    @Test
    void aRecordIsKeptWholeUntilRemovedAndPuttingItAgainReplacesIt() {
        RecordSpool spool = spool();
        spool.put(ID + "1", record("first = \u00e9\n#not a comment"));
        spool.put(ID + "1", record("again"));
        spool.put(ID + "2", record("second"));

        List<RecordSpool.Entry> entries = spool.entries((file, why) -> { });

        assertThat(entries).extracting(e -> e.record().getProperty("text")).containsExactly("again", "second");
        spool.remove(entries.get(0));
        assertThat(spool.size()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotUtf8IsSetAsideAndTheOthersAreRead() throws Exception {
        RecordSpool spool = spool();
        spool.put(ID + "1", record("fine"));
        Path latin1 = spool.folder().resolve(ID + "0.request");
        Files.write(latin1, new byte[] {'t', '=', (byte) 0xe9});
        List<Path> unreadable = new ArrayList<>();

        List<RecordSpool.Entry> entries = spool.entries((file, why) -> unreadable.add(file));

        assertThat(entries).hasSize(1);
        assertThat(unreadable).containsExactly(latin1);
        assertThat(latin1.resolveSibling(latin1.getFileName() + ".rejected")).exists();
    }

    @Test
    void aFileThatCannotBeSetAsideIsReportedOnceAndSkipped() throws Exception {
        RecordSpool spool = spool();
        Path bad = spool.folder();
        Files.createDirectories(bad);
        Path file = bad.resolve(ID + "0.request");
        Files.write(file, new byte[] {(byte) 0xff});
        Files.createDirectories(bad.resolve(file.getFileName() + ".rejected").resolve("full")); // a folder in the way

        spool.entries((f, why) -> { });
        spool.entries((f, why) -> { });

        assertThat(stuck).hasSize(1);
        assertThat(file).exists();
    }

    @Test
    void onlyUuidsNameRecords() {
        assertThatThrownBy(() -> spool().put("../etc/passwd", record("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordsValuesAreReadBackOrTheMissingKeyIsNamed() {
        Properties record = new Properties();
        Instant started = Instant.parse("2026-12-04T09:15:30.123Z");
        record.setProperty("started", RecordSpool.millis(started));
        record.setProperty("queue", "sales");

        assertThat(RecordSpool.instant(record, "started")).isEqualTo(started);
        assertThat(RecordSpool.required(record, "queue")).isEqualTo("sales");
        assertThatThrownBy(() -> RecordSpool.required(record, "ended")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no ended");
        record.setProperty("ended", "yesterday");
        assertThatThrownBy(() -> RecordSpool.instant(record, "ended")).isInstanceOf(NumberFormatException.class);
    }
}

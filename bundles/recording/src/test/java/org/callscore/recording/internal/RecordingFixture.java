package org.callscore.recording.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;

/** The recording tables and Asterisk's, fresh; WAV files as MixMonitor writes them; a clock the test moves. */
final class RecordingFixture {

    static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    private RecordingFixture() {
    }

    static Jdbi freshTables() {
        Jdbi jdbi = UnitDatabase.jdbi();
        UnitDatabase.recreate(jdbi, Path.of("src/main/resources/db/migration"), "recording_access", "recording_stray",
                "recording_caller_hold", "recording", "queue_log", "cdr");
        UnitDatabase.run(jdbi, Path.of("../../dialplan/asterisk-tables.sql"));
        return jdbi;
    }

    /** A WAV file of 8 kHz 16-bit mono: a 44-byte header and {@code seconds} of silence. */
    static Path wav(Path file, double seconds) throws IOException {
        int data = (int) (seconds * 16_000);
        ByteBuffer b = ByteBuffer.allocate(AudioFiles.WAV_HEADER + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(8000).putInt(16_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(data);
        Files.createDirectories(file.getParent());
        return Files.write(file, b.array());
    }

    /** The same WAV file with a tone (amplitude 4000) from {@code soundFrom} for {@code soundSeconds}. */
    static Path spoken(Path file, double seconds, double soundFrom, double soundSeconds) throws IOException {
        wav(file, seconds);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int first = (int) (soundFrom * 8000);
        for (int i = first; i < first + (int) (soundSeconds * 8000) && i < seconds * 8000; i++) {
            b.putShort(AudioFiles.WAV_HEADER + 2 * i, (short) (Math.sin(i * 2 * Math.PI * 440 / 8000) * 4000));
        }
        return Files.write(file, bytes);
    }

    static void connect(Jdbi jdbi, String callerUniqueId, String queue, String agent, String agentChannelUniqueId) {
        jdbi.useHandle(h -> h.execute("INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, "
                + "data3) VALUES (?, ?, ?, ?, 'CONNECT', '3', ?, '2')", Timestamp.from(T0), callerUniqueId, queue,
                agent, agentChannelUniqueId));
    }

    static void cdr(Jdbi jdbi, String uniqueId, String src) {
        jdbi.useHandle(h -> h.execute("INSERT INTO cdr (src, dst, start, uniqueid, linkedid, disposition) "
                + "VALUES (?, '600', ?, ?, ?, 'ANSWERED')", src, Timestamp.from(T0), uniqueId, uniqueId));
    }

}

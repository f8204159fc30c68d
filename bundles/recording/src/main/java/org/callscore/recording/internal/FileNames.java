package org.callscore.recording.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callscore.recording.RecordingKind;
import org.callscore.support.rules.AsteriskServer;
import org.callscore.support.rules.RecordingFormat;
import org.callscore.support.rules.UniqueId;

/**
 * The file names CallScore chooses, {@code SERVER/YYYY-MM-DD/KIND-UNIQUEID.FORMAT} (a voice comment's is
 * {@link org.callscore.support.rules.VoiceComment}'s): no caller data, nothing a shell or a URL would read as syntax, and
 * enough to index a file found without its row (recorded while MariaDB did not answer).
 */
final class FileNames {

    /** The kinds a chosen name carries, by their word; a voice comment is named after its response instead. */
    private static final Map<String, RecordingKind> KINDS = Map.of("queue", RecordingKind.QUEUE_CALL,
            "call", RecordingKind.WHOLE_CALL, "ivr", RecordingKind.IVR, "voicemail", RecordingKind.VOICEMAIL);
    // the pattern finds the parts; each part is then held to its own rule
    private static final Pattern CHOSEN = Pattern.compile(
            "([^/]+)/(\\d{4}-\\d{2}-\\d{2})/(" + String.join("|", KINDS.keySet()) + ")-([^/]+)\\.([^./]+)");

    /** A file name read back. */
    record Parsed(String server, RecordingKind kind, String uniqueId, String format) {
    }

    private FileNames() {
    }

    static String chosen(String server, LocalDate day, RecordingKind kind, String uniqueId, String format) {
        return server + "/" + day + "/" + word(kind) + "-" + uniqueId + "." + format;
    }

    /** @return the name's parts when CallScore chose it, else empty */
    static Optional<Parsed> parse(String relative) {
        Matcher m = CHOSEN.matcher(relative);
        if (!m.matches() || !AsteriskServer.isValid(m.group(1)) || !UniqueId.isValid(m.group(4))
                || !RecordingFormat.isValid(m.group(5))) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(m.group(1), KINDS.get(m.group(3)), m.group(4), m.group(5)));
    }

    /** @return the format a file name ends with, lower case */
    static String format(String relative) {
        int dot = relative.lastIndexOf('.');
        return dot < 0 ? "" : relative.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String word(RecordingKind kind) {
        return KINDS.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a " + kind + " recording is not named by chosen()"));
    }
}

package org.callscore.recording.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.recording.Recording;
import org.callscore.recording.RecordingAccess;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingPage;
import org.callscore.recording.RecordingState;
import org.junit.jupiter.api.Test;

class RecordingsPageTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Recording recording(long id, RecordingKind kind, RecordingState state, String agent) {
        return new Recording(id, "pbx1", "1764654000.42", Optional.of("1764654000.42"), kind,
                Optional.of("+33612345678"), Optional.of(agent), Optional.of("sales"),
                Instant.parse("2026-12-02T09:30:00Z"), Optional.of(Duration.ofSeconds(95)), 1000, "wav",
                Optional.of("ab"), state, Optional.of("0f0e0d0c-0b0a-0908-0706-050403020100"), OptionalDouble.of(1.5),
                true, false);
    }

    private static RecordingsPage page(boolean listener, boolean administrator) {
        return new RecordingsPage("/callscore", "quality1", listener, administrator, PARIS);
    }

    @Test
    void aListenerGetsPlayersForTheCallAndItsVoiceComment() {
        String html = page(true, false).recording(recording(7, RecordingKind.QUEUE_CALL, RecordingState.READY,
                "Alice"), List.of(recording(8, RecordingKind.VOICE_COMMENT, RecordingState.READY, "Alice")));
        assertThat(html)
                .contains("<audio controls preload=\"none\" id=\"player\" src=\"/callscore/recordings/audio/7\">")
                .contains("href=\"/callscore/recordings/download/7\"")
                .contains("id=\"comment-8\" src=\"/callscore/recordings/audio/8\"")
                .contains("<dd>2026-12-02 10:30:00</dd>") // the site's time
                .contains("<dd>1:35</dd>").contains("<dd>1.50</dd>").contains("<dd>yes</dd>")
                .doesNotContain("access-log-link");
    }

    @Test
    void withoutTheRoleThereIsNoPlayerAndNothingToPlayWhenPurged() {
        String html = page(false, true).recording(recording(7, RecordingKind.QUEUE_CALL, RecordingState.READY,
                "Alice"), List.of());
        assertThat(html).doesNotContain("<audio").doesNotContain("/download/")
                .contains("Listening needs the role callscore-recordings").contains("id=\"access-log-link\"");
        assertThat(page(true, false).recording(recording(9, RecordingKind.QUEUE_CALL, RecordingState.PURGED, "Bob"),
                List.of())).doesNotContain("<audio").contains("Nothing to play: purged.");
    }

    @Test
    void everyValueIsEscapedAndThePagingKeepsTheFilters() {
        RecordingFilters filters = RecordingFilters.of(Map.of("agent", "<b>\"x\"</b>", "queue", "sales & co")::get);
        String html = page(true, false).search(filters, new RecordingPage(List.of(recording(7,
                RecordingKind.QUEUE_CALL, RecordingState.READY, "<script>alert(1)</script>")), true), "", 2,
                Optional.empty());
        String filtersQuery = "agent=%3Cb%3E%22x%22%3C%2Fb%3E&amp;queue=sales+%26+co";
        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>\"x\"</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("value=\"&lt;b&gt;&quot;x&quot;&lt;/b&gt;\"")
                .contains("id=\"previous\" href=\"/callscore/recordings?" + filtersQuery + "&amp;page=1\"")
                .contains("id=\"next\" href=\"/callscore/recordings?" + filtersQuery + "&amp;page=3\"")
                .contains("<tr data-id=\"7\">");
    }

    @Test
    void anUnreadableFolderIsSaidAboveTheResults() {
        RecordingFilters filters = RecordingFilters.of(Map.<String, String>of()::get);
        RecordingPage none = new RecordingPage(List.of(), false);
        assertThat(page(true, false).search(filters, none, "", 1, Optional.empty())).doesNotContain("id=\"folder\"");
        assertThat(page(true, false).search(filters, none, "", 1,
                Optional.of("the recordings folder /var/spool/asterisk/monitor is unreadable: permission denied")))
                .contains("<p id=\"folder\" role=\"alert\">the recordings folder /var/spool/asterisk/monitor is "
                        + "unreadable: permission denied: no recording can be played or made");
    }

    @Test
    void theAccessLogShowsRefusalsApart() {
        String html = page(true, true).accessLog(List.of(
                new RecordingAccess(7, "quality1", "192.0.2.7", Instant.parse("2026-12-02T09:31:00Z"),
                        RecordingAccess.Action.PLAY, true, "1000 bytes"),
                new RecordingAccess(7, "<viewer>", "192.0.2.8", Instant.parse("2026-12-02T09:32:00Z"),
                        RecordingAccess.Action.DOWNLOAD, false, "no listening role")),
                Instant.parse("2026-11-02T09:00:00Z"));
        assertThat(html).contains("<tr class=\"granted\"><td>2026-12-02 10:31:00</td><td>7</td><td>quality1</td>")
                .contains("<tr class=\"refused\"><td>2026-12-02 10:32:00</td><td>7</td><td>&lt;viewer&gt;</td>")
                .contains("<td>download</td><td>refused</td><td>no listening role</td>");
    }
}

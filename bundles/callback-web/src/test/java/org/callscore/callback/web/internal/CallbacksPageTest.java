package org.callscore.callback.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.callscore.callback.Callback;
import org.callscore.callback.CallbackMessage;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.CallbackState;
import org.callscore.callback.FeedOwner;
import org.junit.jupiter.api.Test;

class CallbacksPageTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static Callback callback(String id, Instant due, String reason) {
        return new Callback(id, "sales", "+351211234567", ZoneId.of("America/New_York"), Optional.of("ann"), reason,
                CallbackSource.DASHBOARD, NOW, Optional.of(due), due, due.plusSeconds(86400), CallbackState.SCHEDULED,
                0, 0, Optional.empty(), Optional.empty(), Optional.empty(), NOW);
    }

    private static CallbacksPage page(boolean manager) {
        return new CallbacksPage("/callscore", "token-1", "ann", manager, Optional.of("ann"), LISBON, NOW, false);
    }

    @Test
    void aCallbackFromAVoicemailShowsItsMessageAndAListenerGetsThePlayer() {
        Callback plain = callback("a", NOW, "invoice");
        Callback voicemail = new Callback("b", "sales", "0612345678", LISBON, Optional.of("ann"), "voicemail",
                CallbackSource.VOICEMAIL, NOW, Optional.empty(), NOW, NOW.plusSeconds(86400), CallbackState.SCHEDULED,
                0, 0, Optional.of("1764654000.42"), Optional.empty(), Optional.empty(), NOW, Optional.of(
                        new CallbackMessage("/var/lib/callscore/recordings/pbx1/2026-12-02/voicemail-1764654000.42.wav",
                                Optional.of(42L), Duration.ofMillis(6400))));
        String agent = page(false).render(List.of(plain, voicemail), Optional.empty(), "", Optional.empty(), false);
        String listener = new CallbacksPage("/callscore", "token-1", "ann", false, Optional.of("ann"), LISBON, NOW,
                true).render(List.of(plain, voicemail), Optional.empty(), "", Optional.empty(), false);

        assertThat(agent).contains("voicemail <span class=\"message\">voice message, 6 s</span></td>")
                .doesNotContain("/recordings/");
        assertThat(listener).contains("<span class=\"message\">voice message, 6 s</span> <a class=\"listen\" "
                + "href=\"/callscore/recordings/42\">Listen</a>");
        assertThat(listener.split("class=\"message\"", -1)).as("only the voicemail's row").hasSize(2);
    }

    @Test
    void overdueCallbacksAreMarkedAndEveryRowCarriesItsDueInstant() {
        String html = page(false).render(List.of(callback("a", NOW.minusSeconds(600), ""),
                callback("b", NOW.plusSeconds(3600), "")), Optional.empty(), "", Optional.empty(), false);

        assertThat(html).contains("<tr data-id=\"a\" data-due=\"2026-12-02T11:50:00Z\"")
                .contains("class=\"overdue\"><td class=\"when\">overdue since 11:50</td>")
                .contains("<tr data-id=\"b\" data-due=\"2026-12-02T13:00:00Z\"")
                .contains("<td class=\"when\">13:00</td>")
                // the customer's own time, in their zone
                .contains("Wed 2 Dec 08:00 (America/New_York)");
        assertThat(html.indexOf("data-id=\"a\"")).isLessThan(html.indexOf("data-id=\"b\""));
    }

    @Test
    void whatWasTypedIsEscapedAndNoScriptIsInline() {
        String html = page(false).render(List.of(callback("a", NOW, "<script>alert(1)</script> & \"x\"")),
                Optional.empty(), "Not done: <b>", Optional.empty(), false);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;")
                .contains("Not done: &lt;b&gt;").doesNotContain("<script>alert").doesNotContain("onclick")
                .contains("<script src=\"/callscore/callbacks/agent.js\" defer></script>");
    }

    @Test
    void everyFormCarriesTheSessionsToken() {
        String html = page(true).render(List.of(callback("a", NOW, "")), Optional.empty(), "",
                Optional.of(new FeedOwner(FeedOwner.Kind.AGENT, "ann")), true);

        long forms = html.split("method=\"post\"", -1).length - 1;
        long tokens = html.split("name=\"csrf\" value=\"token-1\"", -1).length - 1;
        assertThat(forms).isEqualTo(6); // logout, move, cancel, request, feed, queue feed
        assertThat(tokens).isEqualTo(forms);
        assertThat(html).contains("id=\"feed-revoke\"").contains("id=\"queue-feed\"");
    }

    @Test
    void anAgentGetsNeitherTheAgentPickerNorTheQueueFeed() {
        String html = page(false).render(List.of(), Optional.empty(), "",
                Optional.of(new FeedOwner(FeedOwner.Kind.AGENT, "ann")), false);

        assertThat(html).contains("No open callback is due today.").doesNotContain("id=\"pick\"")
                .doesNotContain("id=\"queue-feed\"").doesNotContain("id=\"feed-revoke\"");
    }
}

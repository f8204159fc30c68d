package org.callscore.callback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.callscore.callback.CallbackMessage;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.FeedOwner;
import org.callscore.callback.internal.feed.CallbackFeedsComponent;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.files.RecordSpool;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.database.SwitchableDatabase;
import org.jdbi.v3.core.Jdbi;
import org.callscore.testing.components.MovingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feeds over the real Callbacks service and MariaDB of the unit tests, read back as a calendar client would:
 * with ical4j and with Debian's python3-icalendar.
 */
class CallbackFeedsTest {

    private static final Jdbi MARIADB = Fixtures.MARIADB;
    private static final FeedOwner AGENT_ONE = new FeedOwner(FeedOwner.Kind.AGENT, "Agent One");
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path folder;

    private final MovingClock clock = new MovingClock(NOW);
    private final SwitchableDatabase database = new SwitchableDatabase(MARIADB);
    /** a bound no write reaches on a loaded test machine: these tests are not about the bound */
    private final BoundedWriter writer = new BoundedWriter("callback", Duration.ofSeconds(10), 2, 10);
    private CallbackBook callbacks;
    private CallbackFeedsComponent feeds;

    @BeforeEach
    void fresh() {
        Fixtures.freshTables();
        CallbackSettings settings = Fixtures.settings(Map.of(), Map.of());
        callbacks = new CallbackBook(new RecordSpool(folder.resolve("spool"), ".request", (file, why) -> { }),
                () -> database, writer, clock, () -> ZoneId.of("Europe/Lisbon"), () -> settings,
                (queue, zone) -> settings.hours(queue, zone, Map.of()));
        feeds = feeds(Map.of());
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    private CallbackFeedsComponent feeds(Map<String, Object> config) {
        return new CallbackFeedsComponent(database, callbacks,
                ComponentConfig.of(CallbackFeedsComponent.Config.class, config), clock);
    }

    private String request(String agent, String queue, Instant askedFor, String reason) {
        return callbacks.request(new CallbackRequest(queue, "+351211234567", Optional.of(ZoneId.of("Europe/Lisbon")),
                Optional.of(agent), reason, CallbackSource.DASHBOARD, Optional.of(askedFor), Optional.empty(),
                Optional.empty(), "manager"));
    }

    private static Calendar parse(String text) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static String value(Component component, String property) {
        return component.getProperty(property).map(Property::getValue).orElse(null);
    }

    private static VEvent event(Calendar calendar, String uid) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().filter(e -> uid.equals(value(e, Property.UID))).findFirst().orElseThrow();
    }

    @Test
    void anAgentsFeedHasOneEventPerCallbackOfTheirsWithAnAlarmBefore() throws Exception {
        String first = request("Agent One", "sales", Instant.parse("2026-12-02T10:30:00Z"), "invoice twice");
        String second = request("Agent One", "support", Instant.parse("2026-12-03T14:00:00Z"), "");
        request("Agent Two", "sales", Instant.parse("2026-12-02T11:00:00Z"), "not theirs");

        String text = feeds.calendar(feeds.issue(AGENT_ONE, "manager")).orElseThrow();
        Calendar calendar = parse(text);

        assertThat(calendar.getComponents(Component.VEVENT)).hasSize(2);
        VEvent event = event(calendar, first);
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.DTSTART)).isEqualTo("20261202T103000Z");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Call back …4567 (sales)");
        assertThat(value(event, Property.DESCRIPTION)).contains("Reason: invoice twice")
                .contains("Customer's time: Wed 2 Dec 2026 10:30 (Europe/Lisbon)");
        assertThat(value(event, Property.URL)).isEqualTo("http://localhost:8181/callscore/callbacks?id=" + first);
        assertThat(event.getAlarms()).singleElement()
                .satisfies(alarm -> assertThat(value(alarm, Property.TRIGGER)).isEqualTo("-PT10M"));
        assertThat(value(event(calendar, second), Property.DTSTART)).isEqualTo("20261203T140000Z");
        assertThat(text).doesNotContain("211234567").doesNotContain("not theirs");
    }

    @Test
    void aCallbackFromAVoicemailSaysSoAndWhereToHearIt() throws Exception {
        String id = callbacks.request(new CallbackRequest("sales", "+351211234567", Optional.empty(),
                Optional.of("Agent One"), "voicemail", CallbackSource.VOICEMAIL, Optional.empty(), Optional.empty(),
                Optional.empty(), "phone", Optional.of(new CallbackMessage("/var/lib/callscore/recordings/pbx1/"
                        + "2026-12-02/voicemail-1764654000.42.wav", Optional.of(42L), Duration.ofMillis(6400)))));
        String plain = request("Agent One", "sales", Instant.parse("2026-12-02T10:30:00Z"), "invoice");

        Calendar calendar = parse(feeds.calendar(feeds.issue(AGENT_ONE, "manager")).orElseThrow());

        assertThat(value(event(calendar, id), Property.DESCRIPTION)).contains("Voice message: 6 s, heard first "
                + "when CallScore calls you; on the dashboard at http://localhost:8181/callscore/recordings/42");
        assertThat(value(event(calendar, plain), Property.DESCRIPTION)).doesNotContain("Voice message");
    }

    @Test
    void theReminderAndTheWholeNumberAreConfigured() throws Exception {
        String id = request("Agent One", "sales", Instant.parse("2026-12-02T10:30:00Z"), "");
        feeds = feeds(Map.of("reminder_minutes", 25, "full_number", true));

        VEvent event = event(parse(feeds.calendar(feeds.issue(AGENT_ONE, "manager")).orElseThrow()), id);

        assertThat(value(event.getAlarms().get(0), Property.TRIGGER)).isEqualTo("-PT25M");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Call back +351211234567 (sales)");
    }

    @Test
    void aQueuesFeedHasEveryCallbackOfTheQueue() throws Exception {
        String one = request("Agent One", "sales", Instant.parse("2026-12-02T10:30:00Z"), "");
        String two = request("Agent Two", "sales", Instant.parse("2026-12-02T11:00:00Z"), "");
        request("Agent One", "support", Instant.parse("2026-12-02T11:00:00Z"), "");

        Calendar calendar = parse(feeds.calendar(feeds.issue(new FeedOwner(FeedOwner.Kind.QUEUE, "sales"), "manager"))
                .orElseThrow());

        assertThat(calendar.getComponents(Component.VEVENT)).extracting(e -> value((VEvent) e, Property.UID))
                .containsExactlyInAnyOrder(one, two);
    }

    @Test
    void aMovedCallbackKeepsItsUidAndRaisesItsSequence() throws Exception {
        String id = request("Agent One", "sales", Instant.parse("2026-12-02T10:30:00Z"), "");
        String secret = feeds.issue(AGENT_ONE, "manager");

        callbacks.move(id, Optional.of(Instant.parse("2026-12-04T09:15:00Z")), "Agent One");
        Calendar calendar = parse(feeds.calendar(secret).orElseThrow());

        assertThat(calendar.getComponents(Component.VEVENT)).hasSize(1);
        VEvent event = event(calendar, id);
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(event, Property.DTSTART)).isEqualTo("20261204T091500Z");
    }

    @Test
    void aCancelledCallbackIsMarkedCancelledThenDropsOff() throws Exception {
        String id = request("Agent One", "sales", Instant.parse("2026-12-02T10:30:00Z"), "");
        String secret = feeds.issue(AGENT_ONE, "manager");
        callbacks.cancel(id, "Agent One", "customer called in");

        VEvent event = event(parse(feeds.calendar(secret).orElseThrow()), id);
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("1");
        assertThat(event.getAlarms()).isEmpty();

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        assertThat(parse(feeds.calendar(secret).orElseThrow()).getComponents(Component.VEVENT)).isEmpty();
    }

    @Test
    void aRevokedOrReplacedOrUnknownSecretOpensNothing() {
        String old = feeds.issue(AGENT_ONE, "manager");
        String current = feeds.issue(AGENT_ONE, "manager");

        assertThat(feeds.calendar(old)).isEmpty();
        assertThat(feeds.calendar(current)).isPresent();
        assertThat(feeds.calendar("x".repeat(43))).isEmpty();
        assertThat(feeds.calendar("not a secret at all")).isEmpty();
        assertThat(feeds.feeds()).containsExactly(AGENT_ONE);

        assertThat(feeds.revoke(AGENT_ONE, "manager")).isTrue();
        assertThat(feeds.calendar(current)).isEmpty();
        assertThat(feeds.feeds()).isEmpty();
        assertThat(feeds.revoke(AGENT_ONE, "manager")).isFalse();
    }

    @Test
    void onlyTheSecretsHashIsStored() throws Exception {
        String secret = feeds.issue(AGENT_ONE, "manager");

        Map<String, Object> row = MARIADB.withHandle(h -> h.select("SELECT * FROM callback_feed").mapToMap().one());
        assertThat(row.values()).extracting(String::valueOf).noneMatch(v -> v.contains(secret));
        assertThat(row).containsEntry("secret_sha256", sha256(secret)).containsEntry("issued_by", "manager");
    }

    /** A second, independent parser: Debian's python3-icalendar, as {@code ./callscore test} installs it. */
    @Test
    void debiansPythonIcalendarReadsTheSameEvents() throws Exception {
        String id = request("Agent One", "sales", Instant.parse("2026-12-02T10:30:00Z"), "line 1; line 2, with commas");
        String cancelled = request("Agent One", "sales", Instant.parse("2026-12-02T12:00:00Z"), "");
        callbacks.move(id, Optional.of(Instant.parse("2026-12-02T11:45:00Z")), "Agent One");
        callbacks.cancel(cancelled, "Agent One", "");

        String seen = python(feeds.calendar(feeds.issue(AGENT_ONE, "manager")).orElseThrow());

        assertThat(seen.lines()).containsExactlyInAnyOrder(
                id + "|1|2026-12-02T11:45:00+00:00|CONFIRMED|-PT10M|Call back …4567 (sales)",
                cancelled + "|1|2026-12-02T12:00:00+00:00|CANCELLED||Cancelled: Call back …4567 (sales)");
    }

    private static final String READ_EVENTS = String.join("\n",
            "import sys, icalendar",
            "calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())",
            "for event in calendar.walk('VEVENT'):",
            "    triggers = [a.get('TRIGGER').to_ical().decode() for a in event.walk('VALARM')]",
            "    print('|'.join([str(event['UID']), str(event['SEQUENCE']), event['DTSTART'].dt.isoformat(),",
            "                    str(event['STATUS']), ','.join(triggers), str(event['SUMMARY'])]))");

    private static String python(String feed) throws IOException, InterruptedException {
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", READ_EVENTS).redirectErrorStream(true).start();
        python.getOutputStream().write(feed.getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as("python3-icalendar's answer: %s", out).isZero();
        return out;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

}

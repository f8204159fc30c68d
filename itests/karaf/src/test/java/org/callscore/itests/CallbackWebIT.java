package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callscore.itests.ReportsWebIT.Web;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The callback pages and feeds in the real distribution: an agent logs in through the dashboard's login, uses the
 * callback form in a real headless Chromium, and a calendar client (plain HTTP) reads the feed the page issued.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CallbackWebIT extends CallScoreTestSupport {

    static final DashboardUser AGENT = new DashboardUser("ann", "Agent-Secret-3", "callscore-agent");
    static final DashboardUser MANAGER = new DashboardUser("cbmanager", "Manager-Secret-4", "callscore-reports");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final Pattern FEED = Pattern.compile("(http://\\S+/callscore-feeds/[A-Za-z0-9_-]+\\.ics)");
    private static final Duration PAGE = Duration.ofSeconds(30);

    /** Records the notifications the page makes, as a browser whose user allowed them would show them. */
    private static final String NOTIFICATIONS_ALLOWED = "window.shownNotifications = [];"
            + "window.Notification = function (title, options) {"
            + "  window.shownNotifications.push(title + ': ' + options.body); };"
            + "window.Notification.permission = 'granted';"
            + "window.Notification.requestPermission = function () { return Promise.resolve('granted'); };";

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(super.configuration(), webServer(), siteZone("Europe/Lisbon"),
                user(AGENT), user(MANAGER),
                // no Asterisk here: nothing is dialled, the callbacks stay as the pages leave them
                config("org.callscore.callback", "dial.enabled", "false"));
    }

    @Before
    public void callbackTablesAreThere() throws Exception {
        eventually("callback schema migrated", () -> database().isReady("callback"));
    }

    private static String queue() {
        return "cbq-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Logs the agent in from the callback page's address and waits for the agent page. */
    private static void logInAsAgent(Chromium browser) throws Exception {
        browser.navigate(Web.BASE + "/callscore/callbacks");
        browser.logIn(AGENT);
        waitForAgentPage(browser);
    }

    private static void waitForAgentPage(Chromium browser) throws Exception {
        browser.waitFor("the agent page", "location.pathname === '/callscore/callbacks' && "
                + "document.readyState === 'complete' && document.getElementById('request') !== null", PAGE);
    }

    /** Submits a form of the page and waits for the page it comes back to, with its message. */
    private static String submit(Chromium browser, String form, String message) throws Exception {
        browser.evaluate("document.body.dataset.before = 'yes'; " + form + ".submit(); true");
        browser.waitFor("the page after the form", "document.body.dataset.before === undefined && "
                + "document.getElementById('message') !== null", PAGE);
        waitForAgentPage(browser);
        String shown = (String) browser.evaluate("document.getElementById('message').textContent");
        assertTrue(shown, shown.startsWith(message));
        return shown;
    }

    private static String requestForm(String queue, String number, String reason, String askedFor) {
        return "(function () { var f = document.getElementById('request');"
                + "f.queue.value = '" + queue + "'; f.number.value = '" + number + "';"
                + "f.zone.value = 'Europe/Lisbon'; f.reason.value = '" + reason + "';"
                + (askedFor == null ? "f.asap.checked = true;" : "f.asked_for.value = '" + askedFor + "';")
                + "return f; })()";
    }

    private static String rowOf(String table, String reason) {
        return "Array.from(document.querySelectorAll('#" + table + " tbody tr')).find(function (r) { "
                + "return r.querySelector('.reason').textContent === '" + reason + "'; })";
    }

    @Test
    public void anAgentRequestsMovesAndCancelsACallbackAndTheirFeedFollows() throws Exception {
        String queue = queue();
        String reason = "invoice twice " + queue; // the shared test database keeps other runs' callbacks
        try (Chromium browser = Chromium.start()) {
            logInAsAgent(browser);

            submit(browser, requestForm(queue, "+351 21 123 4567", reason, null), "Callback requested.");
            String id = (String) browser.evaluate(rowOf("due", reason) + ".dataset.id");
            assertEquals("+351211234567", browser.evaluate(rowOf("due", reason)
                    + ".querySelector('.number').textContent"));
            assertEquals(Boolean.TRUE, browser.evaluate(rowOf("due", reason) + ".classList.contains('due')"));

            String feed = feedAddress(submit(browser, "document.getElementById('feed')"
                    + ".querySelector('#feed-issue').form", "New feed address"));
            // the submit button's value is not sent by form.submit(): the form's default action is issuing
            HttpResponse<String> calendar = new Web().get(feed.substring(Web.BASE.length()));
            assertEquals(calendar.body(), 200, calendar.statusCode());
            assertTrue(calendar.headers().firstValue("Content-Type").orElse(""),
                    calendar.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
            assertTrue(calendar.body(), unfolded(calendar.body()).contains("UID:" + id + "\r\nSEQUENCE:0\r\n"));

            String tomorrow = LOCAL_MINUTE.format(LocalDateTime.now(LISBON).plusDays(1).withHour(10).withMinute(15));
            browser.evaluate(rowOf("due", reason) + ".querySelector('form.move').asked_for.value = '"
                    + tomorrow + "'; true");
            submit(browser, rowOf("due", reason) + ".querySelector('form.move')", "Callback moved to");
            assertEquals(Boolean.TRUE, browser.evaluate(rowOf("due", reason) + " === undefined"));
            String moved = unfolded(new Web().get(feed.substring(Web.BASE.length())).body());
            assertTrue(moved, moved.contains("UID:" + id + "\r\nSEQUENCE:1\r\n"));
            assertEquals(moved, 1, times(moved, "UID:" + id));

            browser.navigate(Web.BASE + "/callscore/callbacks?id=" + id);
            browser.waitFor("the callback on its own", "document.querySelector('#asked tbody tr') !== null", PAGE);
            assertTrue((String) browser.evaluate("document.querySelector('#asked .when').textContent"),
                    ((String) browser.evaluate("document.querySelector('#asked .when').textContent")).endsWith("10:15"));
            browser.evaluate("document.querySelector('#asked form.cancel').why.value = 'customer called in'; true");
            submit(browser, "document.querySelector('#asked form.cancel')", "Callback cancelled.");
            String cancelled = unfolded(new Web().get(feed.substring(Web.BASE.length())).body());
            assertTrue(cancelled, cancelled.contains("UID:" + id + "\r\nSEQUENCE:2\r\n"));
            assertTrue(cancelled, cancelled.contains("STATUS:CANCELLED"));

            browser.evaluate("document.getElementById('feed').insertAdjacentHTML('beforeend', "
                    + "'<input type=\"hidden\" name=\"action\" value=\"revoke\">'); true");
            submit(browser, "document.getElementById('feed')", "Feed address revoked");
            assertEquals(404, new Web().get(feed.substring(Web.BASE.length())).statusCode());
        }
    }

    @Test
    public void theAgentPageNotifiesWhenACallbackFallsDue() throws Exception {
        try (Chromium browser = Chromium.start()) {
            logInAsAgent(browser);
            String queue = queue();
            String reason = "due soon " + queue;
            String soon = LocalDateTime.now(LISBON).plusSeconds(40).withNano(0).toString();

            submit(browser, requestForm(queue, "+351 21 765 4321", reason, soon), "Callback requested.");
            // the page's script once more, now with notifications allowed (a headless browser asks nobody)
            browser.evaluate(NOTIFICATIONS_ALLOWED + "var script = document.createElement('script');"
                    + "script.src = '/callscore/callbacks/agent.js'; document.head.appendChild(script); true");

            // only the timer of a row not yet due at load notifies: a notification means it fell due on the page
            browser.waitFor("the notification", "window.shownNotifications.length > 0", Duration.ofSeconds(90));
            // both runs of the script notify (the first one's timer finds notifications allowed by then), with the
            // callback's id as the tag, which a browser shows once
            String shown = (String) browser.evaluate("Array.from(new Set(window.shownNotifications)).join('; ')");
            assertEquals("Callback due: Call back +351217654321 (" + queue + ")", shown);
            assertEquals(Boolean.TRUE, browser.evaluate(rowOf("due", reason) + ".classList.contains('due')"));
            browser.screenshot(Path.of(System.getProperty(TARGET), "callback-agent-page.png"));
        }
    }

    @Test
    public void anAgentReachesOnlyTheirOwnCallbacksAndNotTheReports() throws Exception {
        Web agent = new Web();
        HttpResponse<String> login = agent.logIn(AGENT.name(), AGENT.password());
        assertEquals(303, login.statusCode());
        HttpResponse<String> dashboard = agent.get("/callscore/");
        assertEquals(302, dashboard.statusCode());
        assertTrue(dashboard.headers().firstValue("Location").orElse("").endsWith("/callscore/callbacks"));
        assertEquals(403, agent.get("/callscore/api/service").statusCode());
        assertEquals(403, agent.get("/callscore/callbacks?agent=someone-else").statusCode());
        HttpResponse<String> own = agent.get("/callscore/callbacks");
        assertEquals(200, own.statusCode());
        assertTrue(own.body(), own.body().contains("Callbacks: " + AGENT.name()));
        assertFalse(own.body(), own.body().contains("id=\"queue-feed\""));

        Web manager = Web.loggedIn(MANAGER);
        HttpResponse<String> other = manager.get("/callscore/callbacks?agent=someone-else");
        assertEquals(200, other.statusCode());
        assertTrue(other.body(), other.body().contains("Callbacks: someone-else"));
        assertTrue(other.body(), other.body().contains("id=\"queue-feed\""));
        // a form without the session's token changes nothing
        assertEquals(403, manager.post("/callscore/callbacks/request", Map.of("queue", queue(), "number", "123",
                "asap", "on")).statusCode());
    }

    @Test
    public void aManagerReadsTheCallbackFiguresAndAnAgentDoesNot() throws Exception {
        String queue = queue();
        Web manager = Web.loggedIn(MANAGER);
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(
                manager.get("/callscore/callbacks").body());
        assertTrue("the page's form token", token.find());
        assertEquals(303, manager.post("/callscore/callbacks/request", Map.of("csrf", token.group(1), "queue", queue,
                "number", "+351 21 000 0000", "zone", "Europe/Lisbon", "reason", "figures", "asap", "on"))
                .statusCode());

        try (Chromium browser = Chromium.start()) {
            browser.navigate(Web.BASE + "/callscore/callbacks/figures?by=queue&queue=" + queue);
            browser.logIn(MANAGER);
            // the login goes back to the page first asked for, its query kept
            browser.waitFor("the figures page once logged in", "location.pathname === '/callscore/callbacks/figures' "
                    + "&& location.search === '?by=queue&queue=" + queue + "' && "
                    + "document.getElementById('figures') !== null", PAGE);
            String row = (String) browser.evaluate("Array.from(document.querySelectorAll('#figures tbody td'))"
                    + ".map(function (td) { return td.textContent; }).join('|')");
            // requested 1, done 0, failed 0, expired 0, cancelled 0, open 1, no time to reach yet
            assertEquals(queue + "|1|0|0|0|0|1|-|-|-|0.0 %", row);
        }

        Web agent = new Web();
        assertEquals(303, agent.logIn(AGENT.name(), AGENT.password()).statusCode());
        assertEquals(403, agent.get("/callscore/callbacks/figures").statusCode());
        assertEquals(400, manager.get("/callscore/callbacks/figures?from=yesterday").statusCode());
    }

    @Test
    public void anUnknownFeedAddressAnswers404() throws Exception {
        Web anyone = new Web();
        assertEquals(404, anyone.get("/callscore-feeds/" + "A".repeat(43) + ".ics").statusCode());
        assertEquals(404, anyone.get("/callscore-feeds/nothing-like-a-secret").statusCode());
    }

    private static String feedAddress(String message) {
        Matcher address = FEED.matcher(message);
        assertTrue(message, address.find());
        return address.group(1);
    }

    /** @return the iCalendar text with its folded lines joined, as a parser reads it */
    private static String unfolded(String text) {
        return text.replace("\r\n ", "");
    }
}

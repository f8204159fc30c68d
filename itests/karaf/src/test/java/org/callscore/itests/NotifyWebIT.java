package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callscore.itests.ReportsWebIT.Web;
import org.callscore.notify.Campaign;
import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.CampaignKeys;
import org.callscore.notify.CampaignState;
import org.callscore.notify.CampaignWindow;
import org.callscore.notify.Campaigns;
import org.callscore.notify.DoNotCallList;
import org.callscore.notify.ImportFormat;
import org.callscore.notify.MachineHandling;
import org.callscore.notify.NotificationMessage;
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
 * The notification campaign pages in the real distribution and a real headless Chromium: an operator creates a
 * campaign, adds a number to the do-not-call list, imports a customer file with bad rows (shown by line), starts,
 * pauses, resumes and stops it while the progress bar follows without a reload, and exports the results; a manager
 * reads but is refused every change; an agent is refused the pages. No AMI server is configured, so no call is
 * placed: the numbers stay waiting until the stop.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotifyWebIT extends CallScoreTestSupport {

    static final DashboardUser OPERATOR = new DashboardUser("nwoperator", "Operator-Secret-6",
            "callscore-reports,callscore-notify");
    static final DashboardUser MANAGER = new DashboardUser("nwmanager", "Manager-Secret-7", "callscore-reports");
    static final DashboardUser AGENT = new DashboardUser("nwagent", "Agent-Secret-8", "callscore-agent");
    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(super.configuration(), webServer(), siteZone("Europe/Lisbon"),
                user(OPERATOR), user(MANAGER), user(AGENT),
                // no Asterisk here: nothing is dialled, the numbers wait
                config("org.callscore.notify", "dial.enabled", "false"));
    }

    @Before
    public void notifyIsRunning() throws Exception {
        eventually("notify schema migrated", () -> database().isReady(Campaigns.SCHEMA));
        eventually("the notify services", () -> service(Campaigns.class).isPresent()
                && service(DoNotCallList.class).isPresent());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Seven digits no other run uses, after a Lisbon prefix. */
    private static String number(String run, int customer) {
        return "+351" + (210_000_000L + Math.floorMod(run.hashCode(), 9_000) * 100 + customer);
    }

    private static String js(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    @Test
    public void anOperatorRunsACampaignFromThePages() throws Exception {
        String name = unique("outage");
        String listed = number(name, 99);
        String csv = "number,name,zone,account\n"
                + number(name, 1) + ",Ana,Europe/Lisbon,A1\n" // line 2
                + "not-a-number,Bad,,A2\n" // line 3: bad number
                + number(name, 2) + ",Rui,Mars/Olympus,A3\n" // line 4: bad zone
                + number(name, 1) + ",Ana again,,A4\n" // line 5: duplicate of line 2
                + listed + ",Listed,,A5\n" // line 6: on the do-not-call list
                + number(name, 3) + ",Eva,,A6\n"; // line 7
        Path downloads = Path.of(System.getProperty(TARGET), "notify-downloads", name);
        try (Chromium browser = Chromium.start()) {
            browser.downloadsTo(downloads);
            RecordingsWebIT.loggedInAt(browser, OPERATOR, "/callscore/notifications/do-not-call");
            browser.waitFor("the do-not-call page", "document.getElementById('add-number') !== null", PAGE);
            browser.evaluate("document.getElementById('number').value = " + js(listed) + ";"
                    + "document.getElementById('reason').value = 'asked by letter';"
                    + "document.getElementById('add').click(); true");
            browser.waitFor("the number listed", "document.querySelector(\"#do-not-call tr[data-number='" + listed
                    + "']\") !== null", PAGE);
            assertTrue(service(DoNotCallList.class).orElseThrow().contains(listed));

            browser.navigate(Web.BASE + "/callscore/notifications");
            browser.waitFor("the new-campaign form", "document.getElementById('create') !== null", PAGE);
            browser.evaluate("document.getElementById('name').value = " + js(name) + ";"
                    + "document.getElementById('message').value = 'custom/water-outage';"
                    + "document.getElementById('daily-from').value = '00:00';"
                    + "document.getElementById('daily-until').value = '23:59';"
                    + "document.getElementById('key-opt-out').value = '9';"
                    + "document.getElementById('create-campaign').click(); true");
            browser.waitFor("the campaign's page", "document.getElementById('import') !== null && "
                    + "document.getElementById('state').textContent === 'draft'", PAGE);
            Campaign campaign = service(Campaigns.class).orElseThrow().findByName(name).orElseThrow();
            assertEquals(Optional.of('9'), campaign.definition().keys().optOut());

            // the file as a user picks it
            browser.evaluate("const file = new DataTransfer();"
                    + "file.items.add(new File([" + js(csv) + "], 'customers.csv', { type: 'text/csv' }));"
                    + "document.getElementById('file').files = file.files;"
                    + "document.getElementById('import-file').click(); true");
            browser.waitFor("the import's report", "document.getElementById('import-report') !== null", PAGE);
            String badRows = (String) browser.evaluate("Array.from(document.querySelectorAll('#bad-rows tbody tr'))"
                    + ".map(tr => tr.innerText.replace(/\\s+/g, ' ')).join('\\n')");
            List<String> lines = badRows.lines().toList();
            assertEquals(badRows, 2, lines.size());
            assertTrue(badRows, lines.get(0).startsWith("3 ") && lines.get(0).toLowerCase().contains("number"));
            assertTrue(badRows, lines.get(1).startsWith("4 ") && lines.get(1).toLowerCase().contains("zone"));
            assertEquals("5", browser.evaluate("document.querySelector('#duplicates tbody tr').dataset.line"));
            assertEquals("6", browser.evaluate("document.querySelector('#skipped tbody tr').dataset.line"));
            assertEquals("2", browser.evaluate("document.getElementById('count-total').textContent"));
            assertEquals(Boolean.TRUE, browser.evaluate("document.querySelector(\"#results tr[data-number='"
                    + number(name, 1) + "']\") !== null && document.querySelector(\"#results tr[data-number='"
                    + listed + "']\") === null"));

            browser.evaluate("document.getElementById('start').click(); true");
            browser.waitFor("running", "document.getElementById('state').textContent === 'running' && "
                    + "document.getElementById('pause') !== null", PAGE);
            assertEquals(CampaignState.RUNNING, campaign(name).state());

            // the bar follows the campaign without a reload: more customers arrive from elsewhere
            browser.evaluate("document.body.dataset.sameLoad = 'yes'; true");
            String more = "number,name\n" + number(name, 4) + ",Ivo\n" + number(name, 5) + ",Lia\n";
            service(Campaigns.class).orElseThrow().importCustomers(campaign.id(), ImportFormat.CSV,
                    new ByteArrayInputStream(more.getBytes(StandardCharsets.UTF_8)), "itest");
            browser.waitFor("the bar refreshed in place", "document.body.dataset.sameLoad === 'yes' && "
                    + "document.getElementById('count-total').textContent === '4' && "
                    + "document.querySelector('#progress .bar .waiting').style.width !== ''", PAGE);

            browser.evaluate("document.getElementById('pause').click(); true");
            browser.waitFor("paused", "document.getElementById('state').textContent === 'paused' && "
                    + "document.getElementById('resume') !== null", PAGE);
            browser.evaluate("document.getElementById('resume').click(); true");
            browser.waitFor("running again", "document.getElementById('state').textContent === 'running'", PAGE);
            browser.evaluate("document.getElementById('stop').click(); true");
            browser.waitFor("stopped", "document.getElementById('state').textContent === 'stopped' && "
                    + "document.getElementById('import') === null", PAGE);
            assertEquals(CampaignState.STOPPED, campaign(name).state());
            // no number is left waiting after a stop
            browser.waitFor("nothing waiting", "document.getElementById('count-waiting').textContent === '0'", PAGE);

            browser.evaluate("document.getElementById('export-csv').click(); true");
            String exported = Files.readString(ReportsWebIT.downloaded(downloads, ".csv"), StandardCharsets.UTF_8);
            List<String> rows = exported.lines().toList();
            assertEquals(exported, 5, rows.size());
            assertTrue(exported, rows.get(0).startsWith("Number,Name,Time zone,State,Outcome,Attempts,"));
            assertTrue(exported, rows.get(0).endsWith(",account"));
            // a leading + is one of the signs a spreadsheet takes for a formula: defused as every such text is
            assertTrue(exported, rows.get(1).startsWith("'" + number(name, 1) + ",Ana,Europe/Lisbon,"));
            assertTrue(exported, rows.get(1).endsWith(",A1"));
            assertFalse(exported, exported.contains(listed));
        }

        // the manager reads the same results, as XLSX too
        Web manager = Web.loggedIn(MANAGER);
        String id = campaign(name).id();
        HttpResponse<byte[]> xlsx = manager.getBytes("/callscore/notifications/results.xlsx?id=" + id);
        assertEquals(200, xlsx.statusCode());
        Map<String, String> cells = ReportsWebIT.sheetCells(xlsx.body());
        assertEquals("Number", cells.get("A1"));
        assertEquals(number(name, 1), cells.get("A2"));
        assertEquals("Europe/Lisbon", cells.get("C2"));
        assertEquals(number(name, 5), cells.get("A5"));
        assertEquals(null, cells.get("A6"));
        HttpResponse<String> filtered = manager.get("/callscore/notifications/results.csv?id=" + id + "&state=done");
        assertEquals(200, filtered.statusCode());
        assertEquals(filtered.body(), 1, filtered.body().lines().count());
        assertEquals(400, manager.get("/callscore/notifications/campaign?id=" + id + "&state=asleep").statusCode());
    }

    @Test
    public void withoutTheOperatorRoleNothingChanges() throws Exception {
        Campaigns campaigns = service(Campaigns.class).orElseThrow();
        Campaign campaign = campaigns.create(new CampaignDefinition(unique("readonly"),
                NotificationMessage.sound("custom/notice"), new CampaignWindow(LocalDate.now(ZoneId.of("Europe/Lisbon")),
                        LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(1), LocalTime.of(9, 0), LocalTime.of(17, 0),
                        Optional.empty()), 2, 1, Map.of(), MachineHandling.LEAVE_AFTER_BEEP, CampaignKeys.none()),
                "itest");

        Web manager = Web.loggedIn(MANAGER);
        HttpResponse<String> page = manager.get("/callscore/notifications/campaign?id=" + campaign.id());
        assertEquals(200, page.statusCode());
        assertTrue(page.body(), page.body().contains("(read only)"));
        assertFalse(page.body(), page.body().contains("id=\"start\""));
        // the campaign pages show a reader no form: the session's token is taken from the dashboard's logout form
        String token = csrf(manager.get("/callscore/").body());
        for (String action : List.of("start", "stop")) {
            HttpResponse<String> refused = manager.post("/callscore/notifications/" + action,
                    Map.of("csrf", token, "id", campaign.id()));
            assertEquals(action, 403, refused.statusCode());
            assertTrue(refused.body(), refused.body().contains("callscore-notify"));
        }
        String listed = number(campaign.name(), 50);
        assertEquals(403, manager.post("/callscore/notifications/do-not-call/add",
                Map.of("csrf", token, "number", listed)).statusCode());
        assertFalse(service(DoNotCallList.class).orElseThrow().contains(listed));
        assertEquals(CampaignState.DRAFT, campaign(campaign.name()).state());

        // an operator's form without the session's token
        Web operator = Web.loggedIn(OPERATOR);
        assertEquals(403, operator.post("/callscore/notifications/start", Map.of("csrf", token, "id", campaign.id()))
                .statusCode());
        assertEquals(CampaignState.DRAFT, campaign(campaign.name()).state());

        // an agent does not see the campaigns at all; without a session: the login
        Web agent = new Web();
        assertEquals(303, agent.logIn(AGENT.name(), AGENT.password()).statusCode());
        assertEquals(403, agent.get("/callscore/notifications").statusCode());
        assertEquals(302, new Web().get("/callscore/notifications").statusCode());
    }

    private Campaign campaign(String name) {
        return service(Campaigns.class).orElseThrow().findByName(name).orElseThrow();
    }

    private static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        assertTrue(html, token.find());
        return token.group(1);
    }
}

package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
 * The reports on the web in the real distribution: Karaf's web server, the login from etc/users.properties, the
 * JSON API and the export over HTTP, and the dashboard in a real headless Chromium, on calls written into
 * queue_log as Asterisk writes them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportsWebIT extends CallScoreTestSupport {

    static final DashboardUser MANAGER = new DashboardUser("webmanager", "Manager-Secret-1", "callscore-reports");
    static final DashboardUser VIEWER = new DashboardUser("webviewer", "Viewer-Secret-2", "viewer");

    private static ReportsWebFixture fixture;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(super.configuration(), webServer(), reportsInUtc(),
                user(MANAGER), user(VIEWER));
    }

    /** The month's calls and surveys, written once, and ingested by the reports module. */
    @Before
    public void callsAreIngested() throws Exception {
        if (fixture == null) {
            eventually("survey and reports schemas migrated",
                    () -> database().isReady("survey") && database().isReady("reports"));
            ReportsWebFixture calls = new ReportsWebFixture(mariaDbDirect());
            calls.createQueueLog();
            calls.writeCalls();
            calls.writeSurveys();
            fixture = calls;
        }
        Web web = Web.loggedIn(MANAGER);
        eventually("the 7 calls of the fixture ingested", () -> {
            try {
                HttpResponse<String> answer = web.get("/callscore/api/service?by=all&" + monthOfQueue());
                return answer.statusCode() == 200 && rows(answer).size() == 1
                        && number(rows(answer).get(0), "offered") == 7;
            } catch (Exception e) {
                throw new AssertionError(e.toString(), e);
            }
        });
    }

    private static String monthOfQueue() {
        return "month=" + ReportsWebFixture.MONTH + "&queue=" + URLEncoder.encode(fixture.queue, StandardCharsets.UTF_8);
    }

    @Test
    public void withoutASessionPagesGoToTheLoginAndTheApiAndExportAnswer401() throws Exception {
        Web anonymous = new Web();

        HttpResponse<String> page = anonymous.get("/callscore/");
        assertEquals(302, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse(""), page.headers().firstValue("Location").orElse("")
                .endsWith("/callscore/login"));
        HttpResponse<String> api = anonymous.get("/callscore/api/service?" + monthOfQueue());
        assertEquals(401, api.statusCode());
        assertTrue(api.body(), MiniJson.object(api.body()).get("error").toString().startsWith("log in first"));
        assertEquals(401, anonymous.get("/callscore/export/service.xlsx").statusCode());
        HttpResponse<String> login = anonymous.get("/callscore/login");
        assertEquals(200, login.statusCode());
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(login.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }

    @Test
    public void theScriptsAndStylesAreServedToASessionAndTheLoginsStyleToAnyone() throws Exception {
        Web anonymous = new Web();
        HttpResponse<String> style = anonymous.get("/callscore/login.css");
        assertEquals(200, style.statusCode());
        assertTrue(style.headers().firstValue("Content-Type").orElse(""),
                style.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertEquals(302, anonymous.get("/callscore/dashboard.js").statusCode());

        Web web = Web.loggedIn(MANAGER);
        HttpResponse<String> script = web.get("/callscore/dashboard.js");
        assertEquals(200, script.statusCode());
        String type = script.headers().firstValue("Content-Type").orElse("");
        assertTrue(type, type.startsWith("application/javascript") || type.startsWith("text/javascript"));
        assertTrue(script.body().contains("CallScoreCharts"));
        assertEquals("nosniff", script.headers().firstValue("X-Content-Type-Options").orElse(""));
        // only the listed files: not the page's template, not the bundle's other entries
        assertEquals(404, web.get("/callscore/web/index.html").statusCode());
        assertEquals(404, web.get("/callscore/index.html.bak").statusCode());
        assertEquals(404, web.get("/callscore/META-INF/MANIFEST.MF").statusCode());
    }

    @Test
    public void aLoginIsRefusedAlikeForAWrongPasswordAnUnknownUserAndAMissingRoleAndNeedsTheFormToken()
            throws Exception {
        for (String[] attempt : new String[][] {{MANAGER.name(), "wrong"}, {"nobody", MANAGER.password()},
                {VIEWER.name(), VIEWER.password()}}) {
            Web web = new Web();
            HttpResponse<String> refused = web.logIn(attempt[0], attempt[1]);
            assertEquals(attempt[0], 401, refused.statusCode());
            assertTrue(refused.body(), refused.body().contains("Login failed: wrong user name or password, or this "
                    + "user may not see the reports."));
            assertEquals(401, web.get("/callscore/api/service").statusCode());
        }
        Web forged = new Web();
        forged.get("/callscore/login");
        HttpResponse<String> noToken = forged.post("/callscore/login", Map.of("user", MANAGER.name(), "password",
                MANAGER.password(), "csrf", "forged"));
        assertEquals(403, noToken.statusCode());
        assertEquals(401, forged.get("/callscore/api/service").statusCode());
    }

    @Test
    public void theApiAnswersTheMonthsFiguresAsJsonAndNamesABadParameter() throws Exception {
        Web web = Web.loggedIn(MANAGER);

        HttpResponse<String> byDay = web.get("/callscore/api/service?by=day&" + monthOfQueue());

        assertEquals(200, byDay.statusCode());
        assertTrue(byDay.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        Map<String, Map<String, Object>> days = byGroup(rows(byDay));
        assertEquals(List.of("2025-03-03", "2025-03-04", "2025-03-10"), List.copyOf(days.keySet()));
        assertEquals(3, number(days.get("2025-03-03"), "offered"), 0);
        assertEquals(2, number(days.get("2025-03-03"), "answered"), 0);
        assertEquals(1, number(days.get("2025-03-03"), "abandoned"), 0);
        assertEquals(1, number(days.get("2025-03-04"), "timedOut"), 0);
        assertEquals(7.5, number(days.get("2025-03-03"), "asa"), 1e-9); // (10 + 5) / 2

        Map<String, Object> all = rows(web.get("/callscore/api/service?by=all&" + monthOfQueue())).get(0);
        assertEquals(4.0 / 7, number(all, "answerRate"), 1e-9);
        assertEquals(2.0 / 3, number(all, "survey.csat"), 1e-9);

        List<Map<String, Object>> surveys = rows(web.get("/callscore/api/surveys?by=agent&" + monthOfQueue()));
        assertEquals(3.5, number(byGroup(surveys).get("Alice"), "meanScore"), 1e-9); // (5 + 2) / 2
        assertEquals(4.0, number(byGroup(surveys).get("Bob"), "meanScore"), 1e-9);

        List<Map<String, Object>> abandoned = rows(web.get("/callscore/api/abandoned?" + monthOfQueue()));
        assertEquals(2, abandoned.size());

        HttpResponse<String> bad = web.get("/callscore/api/service?month=2025-13");
        assertEquals(400, bad.statusCode());
        Map<String, Object> error = MiniJson.object(bad.body());
        assertEquals("month", error.get("parameter"));
        assertEquals("month: '2025-13' is not a month yyyy-MM", error.get("error"));
        assertEquals("by", MiniJson.object(web.get("/callscore/api/service?by=fortnight").body()).get("parameter"));
        assertEquals("quee", MiniJson.object(web.get("/callscore/api/service?quee=x").body()).get("parameter"));
    }

    @Test
    public void absurdOrBrokenParametersAreA400WithAShortMessageOnEveryEndpointAndFormatNeverAnExceptionPage()
            throws Exception {
        Web web = Web.loggedIn(MANAGER);
        String[][] bad = {{"from=%2B999999999-12-30&to=%2B999999999-12-31", "from"}, {"from=%2B999999999-12-30", "from"},
                {"month=%2B999999999-12", "month"}, {"from=-999999999-01-01&to=-999999999-01-05", "from"},
                {"to=0001-01-01", "to"}, {"zone=Mars%2FOlympus", "zone"}, {"queue=" + "q".repeat(300), "queue"}};
        // (?from=%zz, which the server cannot decode, is in DataServletTest: java.net.URI refuses to send it)
        for (String report : new String[] {"service", "ranking", "surveys", "abandoned", "repeat-callers",
                "low-scores"}) {
            for (String path : new String[] {"/callscore/api/" + report, "/callscore/export/" + report + ".csv",
                    "/callscore/export/" + report + ".xlsx"}) {
                for (String[] query : bad) {
                    HttpResponse<String> answer = web.get(path + "?" + query[0]);
                    String what = path + "?" + query[0] + " answered " + answer.body();
                    assertEquals(what, 400, answer.statusCode());
                    assertTrue(what, answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
                    assertTrue(what, answer.body().length() < 200);
                    for (String leak : new String[] {"Exception", "SELECT", "\tat ", "java.", "org."}) {
                        assertTrue(what, !answer.body().contains(leak));
                    }
                    assertEquals(what, query[1], MiniJson.object(answer.body()).get("parameter"));
                }
            }
        }
    }

    @Test
    public void theXlsxAndCsvExportsHoldTheSameFiguresAndLogoutEndsTheSession() throws Exception {
        Web web = Web.loggedIn(MANAGER);

        HttpResponse<byte[]> xlsx = web.getBytes("/callscore/export/service.xlsx?by=all&" + monthOfQueue());

        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse(""),
                xlsx.headers().firstValue("Content-Disposition").orElse("").contains(
                        "filename=\"callscore-service-2025-03-01-to-2025-04-01.xlsx\""));
        Map<String, String> cells = sheetCells(xlsx.body());
        assertEquals("Group", cells.get("A1"));
        assertEquals("Offered", cells.get("B1"));
        assertEquals("all", cells.get("A2"));
        assertEquals("7", cells.get("B2"));
        assertEquals("4", cells.get("C2"));

        HttpResponse<String> csv = web.get("/callscore/export/abandoned.csv?" + monthOfQueue());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body(), csv.body().startsWith("Call id,Queue,Caller,Entered,"));
        assertTrue(csv.body(), csv.body().contains("," + fixture.queue + ",'=cmd,2025-03-03T11:00Z,"));

        String token = web.csrfOfDashboard();
        HttpResponse<String> logout = web.post("/callscore/logout", Map.of("csrf", token));
        assertEquals(303, logout.statusCode());
        assertEquals(401, web.get("/callscore/api/service").statusCode());
    }

    @Test
    public void theDashboardLogsInLoadsTheMonthDrawsTheChartsWithTheApisNumbersAndDownloadsTheXlsx()
            throws Exception {
        Web api = Web.loggedIn(MANAGER);
        Map<String, Map<String, Object>> days = byGroup(rows(api.get("/callscore/api/service?by=day&"
                + monthOfQueue())));
        Map<String, Object> all = rows(api.get("/callscore/api/service?by=all&" + monthOfQueue())).get(0);
        Map<String, Map<String, Object>> surveyDays = byGroup(rows(api.get("/callscore/api/surveys?by=day&"
                + monthOfQueue())));
        Path target = Path.of(System.getProperty(TARGET));
        Path downloads = target.resolve("dashboard-downloads");
        try (Chromium browser = Chromium.start()) {
            browser.downloadsTo(downloads);
            browser.navigate(Web.BASE + "/callscore/");
            logIn(browser);
            assertEquals(MANAGER.name(), browser.evaluate("document.getElementById('user').textContent"));

            browser.evaluate("document.getElementById('month').value = '" + ReportsWebFixture.MONTH + "';"
                    + "document.getElementById('queue').value = '" + fixture.queue + "';"
                    + "document.getElementById('apply').click(); true");
            browser.waitFor("the month loaded", "document.body.dataset.state === 'ready' && document"
                    + ".getElementById('period-label').textContent.startsWith('2025-03-01 to 2025-04-01')",
                    Duration.ofSeconds(30));

            // the trend chart: one bar per series and day with calls, its value drawn on it, as the API says
            for (Map.Entry<String, Map<String, Object>> day : days.entrySet()) {
                for (String series : new String[] {"answered", "abandoned"}) {
                    long expected = (long) number(day.getValue(), series);
                    String bar = "#trend-chart rect[data-series='" + series + "'][data-category='" + day.getKey() + "']";
                    String label = "#trend-chart text.value[data-series='" + series + "'][data-category='"
                            + day.getKey() + "']";
                    if (expected == 0) {
                        assertEquals(bar, Boolean.TRUE, browser.evaluate("document.querySelector(\"" + bar
                                + "\") === null"));
                        continue;
                    }
                    assertEquals(bar, String.valueOf(expected), browser.evaluate("document.querySelector(\"" + bar
                            + "\").dataset.value"));
                    assertEquals(label, String.valueOf(expected), browser.evaluate("document.querySelector(\""
                            + label + "\").textContent"));
                    assertEquals(String.valueOf(expected), browser.evaluate("document.querySelector(\"#trend-table "
                            + "tr[data-group='" + day.getKey() + "'] td[data-key='" + series + "']\").textContent"));
                }
            }
            assertEquals(31.0, ((Number) browser.evaluate("document.querySelectorAll('#trend-chart g.category')"
                    + ".length")).doubleValue(), 0); // every day of March, those without calls empty
            // the distribution of outcomes and the summary
            assertEquals(String.valueOf((long) number(all, "timedOut")), browser.evaluate(
                    "document.querySelector(\"#outcome-chart rect[data-series='timedOut']\").dataset.value"));
            assertEquals("2 (28.6 %)", browser.evaluate(
                    "document.querySelector(\"#outcome-chart text.value[data-series='abandoned']\").textContent"));
            assertEquals(String.valueOf((long) number(all, "offered")), browser.evaluate(
                    "document.querySelector(\"#kpis div[data-key='offered'] dd\").textContent"));
            assertEquals(String.format("%.1f %%", 100 * number(all, "answerRate")), browser.evaluate(
                    "document.querySelector(\"#kpis div[data-key='answerRate'] dd\").textContent"));
            assertEquals("66.7 %", browser.evaluate(
                    "document.querySelector(\"#kpis div[data-key='csat'] dd\").textContent"));
            // survey CSAT per day, drawn as the API computes it
            for (Map.Entry<String, Map<String, Object>> day : surveyDays.entrySet()) {
                assertEquals(String.format("%.1f %%", 100 * number(day.getValue(), "csat")), browser.evaluate(
                        "document.querySelector(\"#score-table tr[data-group='" + day.getKey()
                                + "'] td[data-key='csat']\").textContent"));
            }
            assertEquals("100.0 %", browser.evaluate("document.querySelector(\"#score-chart text.value"
                    + "[data-category='2025-03-03']\").textContent"));

            browser.screenshot(target.resolve("dashboard.png"));

            browser.evaluate("document.getElementById('export-xlsx').click(); true");
            Path xlsx = downloaded(downloads, ".xlsx");
            Map<String, String> cells = sheetCells(Files.readAllBytes(xlsx));
            assertEquals("2025-03-03", cells.get("A2"));
            assertEquals(String.valueOf((long) number(days.get("2025-03-03"), "offered")), cells.get("B2"));
            assertEquals("2025-03-10", cells.get("A4"));
        }
    }

    @Test
    public void aCopiedReportUrlOpensTheSameReportInAFreshSessionAfterTheLoginWithLocalTimes() throws Exception {
        String copied;
        Object shown;
        try (Chromium first = Chromium.start()) {
            first.navigate(Web.BASE + "/callscore/");
            logIn(first);
            first.evaluate("document.getElementById('month').value = '" + ReportsWebFixture.MONTH + "';"
                    + "document.getElementById('queue').value = '" + fixture.queue + "';"
                    + "document.getElementById('by').value = 'week';"
                    + "document.getElementById('apply').click(); true");
            first.waitFor("the month loaded by week", "document.body.dataset.state === 'ready' && document"
                    + ".getElementById('period-label').textContent.startsWith('2025-03-01 to 2025-04-01') && "
                    + "location.search.includes('by=week')", Duration.ofSeconds(30));
            copied = (String) first.evaluate("location.href");
            assertTrue(copied, copied.startsWith(Web.BASE + "/callscore/?") && copied.contains("month=2025-03")
                    && copied.contains("queue=" + fixture.queue) && copied.contains("by=week"));
            shown = first.evaluate(REPORT_SHOWN);
            // times in the site's zone (UTC here), to the second, not raw ISO-8601
            @SuppressWarnings("unchecked")
            List<Object> entered = (List<Object>) first.evaluate("Array.from(document.querySelectorAll("
                    + "\"#abandoned-table [data-key='enteredAt']\")).map(function (c) { return c.textContent; })");
            assertTrue(String.valueOf(entered), entered.contains("2025-03-03 11:00:00"));
            entered.forEach(time -> assertTrue(String.valueOf(time),
                    String.valueOf(time).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")));
        }
        try (Chromium fresh = Chromium.start()) { // a new profile: no cookie, no session
            fresh.navigate(copied);
            fresh.waitFor("the login form, the filters kept", "location.pathname === '/callscore/login' && "
                    + "document.getElementById('submit') !== null", Duration.ofSeconds(20));
            logIn(fresh);
            fresh.waitFor("the copied report", "location.href === " + MiniJson.write(copied)
                    + " && document.body.dataset.state === 'ready'", Duration.ofSeconds(30));
            assertEquals(shown, fresh.evaluate(REPORT_SHOWN));
        }
    }

    /** What the dashboard shows: its filters, period, summary and tables, as one text to compare. */
    private static final String REPORT_SHOWN = "JSON.stringify(['month', 'from', 'to', 'queue', 'agent', 'by']"
            + ".map(function (id) { return document.getElementById(id).value; }).concat(['period-label', 'kpis', "
            + "'trend-table', 'queue-table', 'agent-table', 'abandoned-table', 'low-table'].map(function (id) { "
            + "return document.getElementById(id).textContent; })))";

    /** Logs in on the login page the browser is on (or is going to), and waits for the dashboard. */
    private static void logIn(Chromium browser) throws Exception {
        browser.logIn(MANAGER);
        browser.waitFor("the dashboard after the login", "location.pathname === '/callscore/' && "
                + "document.body.dataset.state === 'ready'", Duration.ofSeconds(30));
    }

    static Path downloaded(Path folder, String extension) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> done = files.filter(path -> path.toString().endsWith(extension)).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + extension + " downloaded into " + folder);
    }

    /** cell reference to its value (number or inline string) in the first sheet of a workbook */
    static Map<String, String> sheetCells(byte[] xlsx) throws IOException {
        // through the zip's central directory, as spreadsheets read it: Java 17's ZipInputStream cannot read the
        // streamed Zip64 entries the XLSX writer (fastexcel) makes
        String sheet = null;
        Path file = Files.createTempFile("callscore-export", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.getEntry("xl/worksheets/sheet1.xml");
                if (entry != null) {
                    sheet = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } finally {
            Files.delete(file);
        }
        assertTrue("no sheet1 in the workbook", sheet != null);
        Map<String, String> cells = new HashMap<>();
        Matcher cell = Pattern.compile("<c r=\"([A-Z]+[0-9]+)\"[^>]*>(?:<v>([^<]*)</v>|<is><t[^>]*>([^<]*)</t></is>)</c>")
                .matcher(sheet);
        while (cell.find()) {
            cells.put(cell.group(1), cell.group(2) != null ? cell.group(2) : cell.group(3));
        }
        return cells;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(HttpResponse<String> answer) {
        return (List<Map<String, Object>>) MiniJson.object(answer.body()).get("rows");
    }

    static Map<String, Map<String, Object>> byGroup(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> groups = new java.util.LinkedHashMap<>();
        rows.forEach(row -> groups.put((String) row.get("group"), row));
        return groups;
    }

    static double number(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    /**
     * A client with its own cookies, as one browser, of Karaf's web server ({@link #webPort()}); redirects are not
     * followed so they can be checked.
     */
    static final class Web {
        static final String BASE = "http://127.0.0.1:" + System.getProperty(WEB_PORT);
        private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        static Web loggedIn(DashboardUser user) throws Exception {
            Web web = new Web();
            HttpResponse<String> answer = web.logIn(user.name(), user.password());
            assertEquals(answer.body(), 303, answer.statusCode());
            assertEquals(BASE + "/callscore/", BASE + answer.headers().firstValue("Location").orElse(""));
            return web;
        }

        /** The login form, then the login with the form's token. */
        HttpResponse<String> logIn(String user, String password) throws Exception {
            HttpResponse<String> form = get("/callscore/login");
            Matcher token = CSRF.matcher(form.body());
            assertTrue(form.body(), token.find());
            return post("/callscore/login", Map.of("user", user, "password", password, "csrf", token.group(1)));
        }

        String csrfOfDashboard() throws Exception {
            HttpResponse<String> page = get("/callscore/");
            Matcher token = CSRF.matcher(page.body());
            assertTrue(page.body(), token.find());
            return token.group(1);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(BASE + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** @param headers names and values, e.g. {@code "Range", "bytes=0-1"} */
        HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((key, value) -> body.append(body.length() == 0 ? "" : "&").append(key).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return client.send(HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}

package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the API and the export answer when something goes wrong: a short message, never the exception. */
class DataServletTest {

    private static final String SQL = "SELECT calls FROM reports_daily WHERE day >= '+999999999-12-30'";

    private final ReportTablesTest.FakeReports reports = new ReportTablesTest.FakeReports();
    private final DataServlet servlet = new DataServlet(new ReportTables(() -> reports, FixedScores::new,
            Clock.fixed(Instant.parse("2026-03-31T12:00:00Z"), ZoneOffset.UTC)));

    private Fakes.Response get(String servletPath, String pathInfo, Map<String, String[]> parameters)
            throws Exception {
        Fakes.Response response = new Fakes.Response();
        servlet.doGet(Fakes.get(servletPath, pathInfo, parameters), response.proxy);
        return response;
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithAReferenceAndNoExceptionText() throws Exception {
        reports.failure = new RuntimeException("statement failed: " + SQL,
                new java.sql.SQLSyntaxErrorException("Incorrect DATE value near " + SQL));

        for (String[] endpoint : new String[][] {{"/api", "/service"}, {"/export", "/abandoned.csv"},
                {"/export", "/low-scores.xlsx"}}) {
            Fakes.Response answer = get(endpoint[0], endpoint[1], Map.of());

            assertThat(answer.status).as(endpoint[1]).isEqualTo(500);
            assertThat(answer.headers.get("Content-Type")).startsWith("application/json");
            assertThat(answer.text()).as(endpoint[1]).startsWith("{\"error\":\"internal error, reference ")
                    .contains("Karaf's log").doesNotContain("SELECT").doesNotContain("Exception")
                    .doesNotContain("reports_daily").hasSizeLessThan(200);
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsA503ThatDoesNotShowTheDatabasesMessage() throws Exception {
        reports.failure = new IllegalStateException("the database does not answer (Access denied for user "
                + "'callscore'@'localhost'; " + SQL + ")");

        Fakes.Response answer = get("/api", "/service", Map.of());

        assertThat(answer.status).isEqualTo(503);
        assertThat(answer.text()).contains("not available now").doesNotContain("Access denied")
                .doesNotContain("SELECT").doesNotContain("callscore'@");
    }

    @Test
    void anAbsurdDateIsA400NamingTheParameterOnEveryEndpointAndFormat() throws Exception {
        for (String[] endpoint : new String[][] {{"/api", "/service"}, {"/api", "/ranking"}, {"/api", "/surveys"},
                {"/api", "/abandoned"}, {"/api", "/repeat-callers"}, {"/api", "/low-scores"},
                {"/export", "/service.csv"}, {"/export", "/surveys.xlsx"}, {"/export", "/low-scores.csv"}}) {
            Fakes.Response answer = get(endpoint[0], endpoint[1], Map.of("from", new String[] {"+999999999-12-30"},
                    "to", new String[] {"+999999999-12-31"}));

            assertThat(answer.status).as(endpoint[1]).isEqualTo(400);
            assertThat(answer.text()).as(endpoint[1]).isEqualTo("{\"error\":\"from: '+999999999-12-30' is not a day "
                    + "from 1970-01-01 to 2999-12-31\",\"parameter\":\"from\"}");
        }
        assertThat(reports.queries).isEmpty();
    }

    @Test
    void aQueryTheServerCannotDecodeIsA400() throws Exception {
        Fakes.Response answer = get("/api", "/service", null);

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.text()).isEqualTo("{\"error\":\"the query is not percent-encoded UTF-8\"}");
    }
}

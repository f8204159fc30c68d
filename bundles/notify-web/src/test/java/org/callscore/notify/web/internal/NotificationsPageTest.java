package org.callscore.notify.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callscore.notify.Campaign;
import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.CampaignKeys;
import org.callscore.notify.CampaignProgress;
import org.callscore.notify.CampaignState;
import org.callscore.notify.CampaignWindow;
import org.callscore.notify.ImportReport;
import org.callscore.notify.MachineHandling;
import org.callscore.notify.NotificationMessage;
import org.callscore.notify.ResultPage;
import org.junit.jupiter.api.Test;

class NotificationsPageTest {

    static Campaign campaign() {
        return campaign(CampaignState.RUNNING);
    }

    static Campaign campaign(CampaignState state) {
        return new Campaign("c-1", new CampaignDefinition("outage", NotificationMessage.sound("custom/outage"),
                new CampaignWindow(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 4), LocalTime.of(9, 0),
                        LocalTime.of(18, 0), Optional.empty()), 10, 5, Map.of(), MachineHandling.LEAVE_AFTER_BEEP,
                CampaignKeys.none()), state, Instant.parse("2026-12-01T08:00:00Z"), "ops1",
                Instant.parse("2026-12-02T09:15:00Z"));
    }

    private static NotificationsPage page(boolean operator) {
        return new NotificationsPage("/callscore", "tok", "ops1", operator, ZoneId.of("Europe/Berlin"), "");
    }

    private static final ResultFilters NO_FILTERS = ResultFilters.of(Map.<String, String>of()::get);
    private static final CampaignProgress PROGRESS = new CampaignProgress(10, 3, 2, 4, 1);

    @Test
    void theImportReportShowsEveryBadRowByLineEscaped() {
        ImportReport report = new ImportReport(7, List.of(new ImportReport.BadRow(3, "number: '<b>12' is not a "
                + "phone number"), new ImportReport.BadRow(9, "zone: 'Mars/Base' is not a time zone")),
                List.of(new ImportReport.MergedDuplicate(5, "+351210000001", 2)),
                List.of(new ImportReport.SkippedNumber(6, "+351210000009")));
        String html = page(true).campaign(campaign(), PROGRESS, NO_FILTERS, new ResultPage(List.of(), 0),
                Optional.of(report));
        assertThat(html).contains("<tr data-line=\"3\"><td>3</td><td>number: &#39;&lt;b&gt;12&#39; is not a phone number"
                + "</td></tr>", "<tr data-line=\"9\"><td>9</td>", "<td>line 2</td>", "+351210000009",
                "7 added.").doesNotContain("<b>12");
    }

    @Test
    void theOperatorGetsTheButtonsTheStateAllowsAndTheReaderNone() {
        String running = page(true).campaign(campaign(CampaignState.RUNNING), PROGRESS, NO_FILTERS,
                new ResultPage(List.of(ResultFiltersTest.number(1)), 1), Optional.empty());
        assertThat(running).contains("id=\"pause\"", "id=\"stop\"", "id=\"import\"", "name=\"csrf\" value=\"tok\"")
                .doesNotContain("id=\"start\"", "id=\"resume\"");
        assertThat(page(true).campaign(campaign(CampaignState.PAUSED), PROGRESS, NO_FILTERS,
                new ResultPage(List.of(), 0), Optional.empty())).contains("id=\"resume\"").doesNotContain("id=\"pause\"");
        assertThat(page(true).campaign(campaign(CampaignState.STOPPED), PROGRESS, NO_FILTERS,
                new ResultPage(List.of(), 0), Optional.empty())).doesNotContain("id=\"import\"", "id=\"stop\"");

        String read = page(false).campaign(campaign(), PROGRESS, NO_FILTERS,
                new ResultPage(List.of(ResultFiltersTest.number(1)), 1), Optional.empty());
        assertThat(read).doesNotContain("method=\"post\" action=\"/callscore/notifications/", "csrf")
                .contains("(read only)", "id=\"results\"", "id=\"export-xlsx\"");
        assertThat(page(false).campaigns(List.of())).doesNotContain("id=\"create\"");
    }

    @Test
    void theProgressAndTheTimesAreTheSitesAndThePagingKeepsTheFilters() {
        ResultFilters filters = ResultFilters.of(Map.of("state", "done", "page", "2")::get);
        String html = page(false).campaign(campaign(), PROGRESS, filters,
                new ResultPage(List.of(ResultFiltersTest.number(1)), 350), Optional.empty());
        assertThat(html).contains("data-url=\"/callscore/notifications/progress.json?id=c-1\"",
                "<b id=\"count-done\">3</b>", "<b id=\"count-in-flight\">2</b>", "<b id=\"count-waiting\">4</b>",
                "<b id=\"count-failed\">1</b>", "<b id=\"count-total\">10</b>",
                // 09:30:05 UTC in Berlin, and the state's change
                "<td>2026-12-02 10:30:05</td>", "since 2026-12-02 10:15:00",
                "href=\"/callscore/notifications/campaign?id=c-1&amp;state=done&amp;page=1\"",
                "href=\"/callscore/notifications/campaign?id=c-1&amp;state=done&amp;page=3\"",
                "href=\"/callscore/notifications/results.csv?id=c-1&amp;state=done\"",
                "<option value=\"done\" selected>");
    }

    @Test
    void aNumberInTheLogKeepsOnlyItsLastDigits() {
        assertThat(NotificationsPage.masked("+351210000123")).isEqualTo("**********123");
        assertThat(NotificationsPage.masked("12")).isEqualTo("***");
    }
}

package org.callscore.notify.web.internal;

import static org.callscore.support.web.HtmlText.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.callscore.notify.Campaign;
import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.CampaignKeys;
import org.callscore.notify.CampaignProgress;
import org.callscore.notify.CampaignState;
import org.callscore.notify.CampaignWindow;
import org.callscore.notify.DoNotCallEntry;
import org.callscore.notify.ImportReport;
import org.callscore.notify.MachineHandling;
import org.callscore.notify.NotificationMessage;
import org.callscore.notify.NumberOutcome;
import org.callscore.notify.NumberResult;
import org.callscore.notify.NumberState;
import org.callscore.notify.ResultPage;
import org.callscore.notify.RetryOutcome;
import org.callscore.notify.RetryRule;
import org.callscore.support.text.MaskedNumber;
import org.callscore.support.web.HtmlText;

/**
 * The notification pages as HTML: every value escaped, no inline script or style (the dashboard's content security
 * policy: the progress bar is drawn by this bundle's {@code notify.js}), times in the site's zone to the second.
 * Operating forms are shown only to operators; the server refuses them to anyone else anyway.
 *
 * @param operator whether the user may operate campaigns
 * @param zone     the site's zone, for every time shown
 * @param flash    what the user's last form did, or empty
 */
record NotificationsPage(String context, String csrf, String user, boolean operator, ZoneId zone, String flash) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);
    /** the states a campaign may still take customers in */
    private static final Set<CampaignState> IMPORTABLE = EnumSet.of(CampaignState.DRAFT, CampaignState.RUNNING,
            CampaignState.PAUSED);

    /** A campaign in the list, with how far it is. */
    record Listed(Campaign campaign, CampaignProgress progress) {
    }

    /** @return a page with only a message (an error) */
    static String message(String message) {
        return HtmlText.messagePage("CallScore notifications", message);
    }

    /** @return the number with all but its last three digits hidden, for the log: as the notify module masks it */
    static String masked(String number) {
        return MaskedNumber.of(number);
    }

    String campaigns(List<Listed> campaigns) {
        StringBuilder html = head("Notification campaigns");
        if (campaigns.isEmpty()) {
            html.append("<p id=\"none\">No campaign yet.</p>");
        } else {
            html.append("<table id=\"campaigns\" class=\"data\"><thead><tr><th>Campaign</th><th>State</th>")
                    .append("<th>Days</th><th>Numbers</th><th>Done</th><th>In flight</th><th>Waiting</th>")
                    .append("<th>Failed</th><th>Created</th></tr></thead><tbody>");
            for (Listed listed : campaigns) {
                Campaign c = listed.campaign();
                CampaignProgress p = listed.progress();
                html.append("<tr data-id=\"").append(escape(c.id())).append("\"><td><a href=\"")
                        .append(campaignLink(c.id(), "")).append("\">").append(escape(c.name())).append("</a></td><td>")
                        .append(ResultFilters.name(c.state())).append("</td><td>")
                        .append(c.definition().window().firstDay()).append(" to ")
                        .append(c.definition().window().lastDay()).append("</td>");
                for (long figure : new long[] { p.total(), p.done(), p.inFlight(), p.waiting(), p.failed() }) {
                    html.append("<td class=\"figure\">").append(figure).append("</td>");
                }
                html.append("<td>").append(time(c.created())).append(" by ").append(escape(c.createdBy()))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        if (operator) {
            createForm(html);
        }
        return end(html);
    }

    private void createForm(StringBuilder html) {
        LocalDate today = LocalDate.now(zone);
        html.append("<h2>New campaign</h2><form method=\"post\" action=\"").append(escape(context))
                .append("/notifications/create\" id=\"create\">").append(token())
                .append("<fieldset><legend>What</legend>")
                .append(input("name", "Name", "text", "", "required pattern=\"[A-Za-z0-9_.\\-]{1,64}\""))
                .append("<label>Message <select name=\"message-source\" id=\"message-source\">")
                .append("<option value=\"sound\">an Asterisk sound</option>")
                .append("<option value=\"recorded\">recorded by phone</option></select></label>")
                .append(input("message", "Sound or recording name", "text", "", "required placeholder=\"custom/outage\""))
                .append("</fieldset><fieldset><legend>When (in each customer's zone)</legend>")
                .append(input("first-day", "First day", "date", today.toString(), "required"))
                .append(input("last-day", "Last day", "date", today.plusDays(6).toString(), "required"))
                .append(input("daily-from", "Daily from", "time", "09:00", "required"))
                .append(input("daily-until", "Daily until", "time", "18:00", "required"))
                .append(input("zone", "Zone of customers without one", "text", "",
                        "placeholder=\"" + escape(zone.getId()) + " (the site's)\""))
                .append("</fieldset><fieldset><legend>How fast</legend>")
                .append(input("max-in-flight", "Calls in flight at most", "number", "10",
                        "min=\"1\" max=\"" + CampaignDefinition.MOST_IN_FLIGHT + "\""))
                .append(input("starts-per-second", "Calls started per second at most", "number",
                        String.valueOf(CampaignDefinition.DEFAULT_STARTS_PER_SECOND),
                        "min=\"1\" max=\"" + CampaignDefinition.MOST_STARTS_PER_SECOND + "\""))
                .append("</fieldset><fieldset><legend>Retries (attempts in all, minutes between)</legend>");
        Map<RetryOutcome, String[]> defaults = Map.of(RetryOutcome.BUSY, new String[] { "3", "10" },
                RetryOutcome.NO_ANSWER, new String[] { "3", "30" }, RetryOutcome.FAILED, new String[] { "2", "5" },
                RetryOutcome.MACHINE, new String[] { "2", "60" });
        for (RetryOutcome outcome : RetryOutcome.values()) {
            String suffix = CampaignForm.RETRY_FIELDS.get(outcome);
            String label = suffix.replace('-', ' ');
            html.append("<span class=\"retry\">")
                    .append(input("retry-" + suffix + "-attempts", label + ": attempts", "number",
                            defaults.get(outcome)[0],
                            "min=\"1\" max=\"" + CampaignDefinition.MOST_ATTEMPTS + "\""))
                    .append(input("retry-" + suffix + "-minutes", "minutes", "number", defaults.get(outcome)[1],
                            "min=\"0\""))
                    .append("</span>");
        }
        html.append("</fieldset><fieldset><legend>Answering machine and keys</legend>")
                .append("<label>Answering machine <select name=\"machine\" id=\"machine\">")
                .append("<option value=\"leave\">leave the message after the beep</option>")
                .append("<option value=\"hang-up\">hang up and retry</option></select></label>")
                .append(input("key-repeat", "Repeat key", "text", "", "maxlength=\"1\" size=\"2\""))
                .append(input("key-opt-out", "Opt-out key", "text", "", "maxlength=\"1\" size=\"2\""))
                .append(input("key-agent", "Agent key", "text", "", "maxlength=\"1\" size=\"2\""))
                .append(input("key-queue", "Agent queue", "text", "", ""))
                .append("</fieldset><button id=\"create-campaign\">Create</button></form>");
    }

    String campaign(Campaign campaign, CampaignProgress progress, ResultFilters filters, ResultPage results,
            Optional<ImportReport> report) {
        StringBuilder html = head("Campaign " + campaign.name());
        html.append("<p>State: <strong id=\"state\">").append(ResultFilters.name(campaign.state()))
                .append("</strong> since ").append(time(campaign.changed())).append(". Times are in ")
                .append(escape(zone.getId())).append(".</p>");
        progressBar(html, campaign, progress);
        if (operator) {
            operations(html, campaign);
        }
        report.ifPresent(imported -> importReport(html, imported));
        details(html, campaign.definition());
        html.append("<h2>Numbers</h2>");
        resultFilters(html, campaign, filters);
        html.append("<p id=\"result-count\">").append(results.total()).append(results.total() == 1 ? " number" : " numbers")
                .append(filters.state().isPresent() || filters.outcome().isPresent() ? " match." : ".").append("</p>");
        if (!results.rows().isEmpty()) {
            resultTable(html, results.rows());
        }
        html.append("<nav id=\"pages\">");
        if (filters.page() > 1) {
            html.append("<a id=\"previous\" href=\"").append(campaignLink(campaign.id(), filters.parameters()
                    + "&page=" + (filters.page() - 1))).append("\">Previous</a> ");
        }
        html.append("<span>Page ").append(filters.page()).append("</span>");
        if ((long) filters.page() * ResultFilters.PAGE_SIZE < results.total()) {
            html.append(" <a id=\"next\" href=\"").append(campaignLink(campaign.id(), filters.parameters()
                    + "&page=" + (filters.page() + 1))).append("\">Next</a>");
        }
        html.append("</nav>");
        return end(html);
    }

    /** The bar's parts are drawn (and kept up to date) by notify.js from these figures. */
    private void progressBar(StringBuilder html, Campaign campaign, CampaignProgress progress) {
        html.append("<section id=\"progress\" data-url=\"").append(escape(context))
                .append("/notifications/progress.json?id=").append(encoded(campaign.id())).append("\" data-state=\"")
                .append(campaign.state().name()).append("\"><div class=\"bar\" role=\"img\" aria-label=\"progress\">");
        for (String part : new String[] { "done", "in-flight", "waiting", "failed" }) {
            html.append("<span class=\"").append(part).append("\"></span>");
        }
        html.append("</div><ul class=\"legend\">");
        legend(html, "done", "Done", progress.done());
        legend(html, "in-flight", "In flight", progress.inFlight());
        legend(html, "waiting", "Waiting", progress.waiting());
        legend(html, "failed", "Failed", progress.failed());
        legend(html, "total", "Numbers", progress.total());
        html.append("</ul></section>");
    }

    private static void legend(StringBuilder html, String part, String label, long count) {
        html.append("<li class=\"").append(part).append("\">").append(label).append(": <b id=\"count-").append(part)
                .append("\">").append(count).append("</b></li>");
    }

    private void operations(StringBuilder html, Campaign campaign) {
        html.append("<div id=\"operations\">");
        CampaignState state = campaign.state();
        if (state == CampaignState.DRAFT) {
            operation(html, campaign, "start", "Start");
        }
        if (state == CampaignState.RUNNING) {
            operation(html, campaign, "pause", "Pause");
        }
        if (state == CampaignState.PAUSED) {
            operation(html, campaign, "resume", "Resume");
        }
        if (IMPORTABLE.contains(state)) {
            operation(html, campaign, "stop", "Stop for good");
        }
        html.append("</div>");
        if (IMPORTABLE.contains(state)) {
            html.append("<h2>Import customers</h2><form method=\"post\" enctype=\"multipart/form-data\" action=\"")
                    .append(escape(context)).append("/notifications/import\" id=\"import\">").append(token())
                    .append("<input type=\"hidden\" name=\"id\" value=\"").append(escape(campaign.id())).append("\">")
                    .append("<label>CSV or XLSX file <input type=\"file\" name=\"file\" id=\"file\" required ")
                    .append("accept=\".csv,.xlsx\"></label><button id=\"import-file\">Import</button>")
                    .append("<p class=\"hint\">A header row naming the columns: <code>number</code> (needed), ")
                    .append("<code>name</code>, <code>zone</code> (e.g. Europe/Lisbon), and any others as fields.</p>")
                    .append("</form>");
        }
    }

    private void operation(StringBuilder html, Campaign campaign, String action, String label) {
        html.append("<form method=\"post\" action=\"").append(escape(context)).append("/notifications/")
                .append(action).append("\" class=\"operation\">").append(token())
                .append("<input type=\"hidden\" name=\"id\" value=\"").append(escape(campaign.id())).append("\">")
                .append("<button id=\"").append(action).append("\">").append(label).append("</button></form>");
    }

    private static void importReport(StringBuilder html, ImportReport report) {
        html.append("<section id=\"import-report\"><h2>The import</h2><p>").append(report.added())
                .append(" added.</p>");
        lines(html, report.bad(), "bad rows, not imported", "bad-rows", ImportReport.BadRow::line, List.of("Why"),
                row -> List.of(row.reason()));
        lines(html, report.duplicates(), "duplicates, merged", "duplicates", ImportReport.MergedDuplicate::line,
                List.of("Number", "Merged into"), row -> List.of(row.number(),
                        row.firstLine() == 0 ? "an earlier import" : "line " + row.firstLine()));
        lines(html, report.doNotCall(), "on the do-not-call list, skipped", "skipped", ImportReport.SkippedNumber::line,
                List.of("Number"), row -> List.of(row.number()));
        html.append("</section>");
    }

    /**
     * One table of the import's report, nothing when it has no row: a row per line of the file, its line number
     * first, then its cells (escaped).
     */
    private static <T> void lines(StringBuilder html, List<T> rows, String heading, String id, ToIntFunction<T> line,
            List<String> columns, Function<T, List<String>> cells) {
        if (rows.isEmpty()) {
            return;
        }
        html.append("<h3>").append(rows.size()).append(' ').append(heading).append("</h3>")
                .append("<table id=\"").append(id).append("\" class=\"data\"><thead><tr><th>Line</th>");
        columns.forEach(column -> html.append("<th>").append(column).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (T row : rows) {
            int number = line.applyAsInt(row);
            html.append("<tr data-line=\"").append(number).append("\"><td>").append(number).append("</td>");
            cells.apply(row).forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private void details(StringBuilder html, CampaignDefinition definition) {
        CampaignWindow window = definition.window();
        html.append("<h2>Settings</h2><dl id=\"details\">");
        detail(html, "Message", (definition.message().source() == NotificationMessage.MessageSource.SOUND ? "sound " : "recorded ")
                + definition.message().name());
        detail(html, "Days", window.firstDay() + " to " + window.lastDay());
        detail(html, "Daily", window.dailyFrom() + " to " + window.dailyUntil() + ", in "
                + window.zone().map(z -> "each customer's zone, else " + z.getId())
                        .orElse("each customer's zone, else the site's (" + zone.getId() + ")"));
        detail(html, "Calls in flight at most", String.valueOf(definition.maxInFlight()));
        detail(html, "Calls started per second at most", String.valueOf(definition.startsPerSecond()));
        StringBuilder retries = new StringBuilder();
        for (RetryOutcome outcome : RetryOutcome.values()) {
            RetryRule rule = definition.retries().get(outcome);
            retries.append(retries.length() == 0 ? "" : "; ").append(ResultFilters.name(outcome)).append(": ")
                    .append(rule == null ? "never retried" : rule.attempts() + " attempts, " + minutes(rule.delay())
                            + " apart");
        }
        detail(html, "Retries", retries.toString());
        detail(html, "Answering machine", definition.machine() == MachineHandling.LEAVE_AFTER_BEEP
                ? "leave the message after the beep" : "hang up and retry");
        CampaignKeys keys = definition.keys();
        String keyText = (keys.repeat().map(k -> "repeat " + k + "; ").orElse("")
                + keys.optOut().map(k -> "opt out " + k + "; ").orElse("")
                + keys.agent().map(k -> "agent " + k + " (queue " + keys.queue().orElse("") + "); ").orElse(""))
                .replaceAll("; $", "");
        detail(html, "Keys", keyText.isEmpty() ? "none" : keyText);
        html.append("</dl>");
    }

    private static String minutes(Duration delay) {
        return delay.toMinutes() + (delay.toMinutes() == 1 ? " minute" : " minutes");
    }

    private void resultFilters(StringBuilder html, Campaign campaign, ResultFilters filters) {
        html.append("<form method=\"get\" action=\"").append(escape(context)).append("/notifications/campaign\" ")
                .append("id=\"filters\"><input type=\"hidden\" name=\"id\" value=\"").append(escape(campaign.id()))
                .append("\"><label>State <select name=\"state\" id=\"filter-state\"><option value=\"\">any</option>");
        for (NumberState state : NumberState.values()) {
            option(html, ResultFilters.name(state), filters.state().equals(Optional.of(state)));
        }
        html.append("</select></label><label>Outcome <select name=\"outcome\" id=\"filter-outcome\">")
                .append("<option value=\"\">any</option>");
        for (NumberOutcome outcome : NumberOutcome.values()) {
            option(html, ResultFilters.name(outcome), filters.outcome().equals(Optional.of(outcome)));
        }
        String query = "?id=" + encoded(campaign.id()) + filters.parameters();
        html.append("</select></label><button id=\"show\">Show</button> Export: <a id=\"export-csv\" href=\"")
                .append(escape(context)).append("/notifications/results.csv").append(escape(query))
                .append("\">CSV</a> <a id=\"export-xlsx\" href=\"").append(escape(context))
                .append("/notifications/results.xlsx").append(escape(query)).append("\">XLSX</a></form>");
    }

    private static void option(StringBuilder html, String value, boolean selected) {
        html.append("<option value=\"").append(value).append('"').append(selected ? " selected" : "").append('>')
                .append(value).append("</option>");
    }

    private void resultTable(StringBuilder html, List<NumberResult> rows) {
        html.append("<table id=\"results\" class=\"data\"><thead><tr><th>Number</th><th>Name</th><th>State</th>")
                .append("<th>Outcome</th><th>Attempts</th><th>Heard (s)</th><th>Keys</th><th>Last attempt</th>")
                .append("<th>Next attempt</th></tr></thead><tbody>");
        for (NumberResult row : rows) {
            html.append("<tr data-number=\"").append(escape(row.number())).append("\" class=\"")
                    .append(ResultFilters.name(row.state())).append("\"><td>").append(escape(row.number()))
                    .append("</td><td>").append(escape(row.name())).append("</td><td>")
                    .append(ResultFilters.name(row.state())).append("</td><td>")
                    .append(row.outcome().map(ResultFilters::name).orElse("–")).append("</td><td class=\"figure\">")
                    .append(row.attempts()).append("</td><td class=\"figure\">")
                    .append(String.format(Locale.ROOT, "%.1f", row.heardMillis() / 1000.0)).append("</td><td>")
                    .append(escape(row.keys())).append("</td><td>")
                    .append(row.lastAttempt().map(this::time).orElse("–")).append("</td><td>")
                    .append(row.nextAttempt().map(this::time).orElse("–")).append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    String doNotCall(List<DoNotCallEntry> entries) {
        StringBuilder html = head("Do-not-call list");
        html.append("<p>No campaign calls these numbers: an import skips them, and each call is checked again just ")
                .append("before it is placed. Times are in ").append(escape(zone.getId())).append(".</p>");
        if (operator) {
            html.append("<form method=\"post\" action=\"").append(escape(context))
                    .append("/notifications/do-not-call/add\" id=\"add-number\">").append(token())
                    .append(input("number", "Number", "tel", "", "required"))
                    .append(input("reason", "Why", "text", "", "maxlength=\"200\""))
                    .append("<button id=\"add\">Add</button></form>");
        }
        if (entries.isEmpty()) {
            html.append("<p id=\"none\">The list is empty.</p>");
        } else {
            html.append("<table id=\"do-not-call\" class=\"data\"><thead><tr><th>Number</th><th>Why</th>")
                    .append("<th>Added by</th><th>Added</th>").append(operator ? "<th></th>" : "")
                    .append("</tr></thead><tbody>");
            for (DoNotCallEntry entry : entries) {
                html.append("<tr data-number=\"").append(escape(entry.number())).append("\"><td>")
                        .append(escape(entry.number())).append("</td><td>").append(escape(entry.reason()))
                        .append("</td><td>").append(escape(entry.addedBy())).append("</td><td>")
                        .append(time(entry.added())).append("</td>");
                if (operator) {
                    html.append("<td><form method=\"post\" action=\"").append(escape(context))
                            .append("/notifications/do-not-call/remove\" class=\"remove\">").append(token())
                            .append("<input type=\"hidden\" name=\"number\" value=\"").append(escape(entry.number()))
                            .append("\"><button>Remove</button></form></td>");
                }
                html.append("</tr>");
            }
            html.append("</tbody></table>");
        }
        return end(html);
    }

    private StringBuilder head(String title) {
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CallScore ")
                .append(escape(title)).append("</title><link rel=\"stylesheet\" href=\"").append(escape(context))
                .append("/notifications/notify.css\"><script src=\"").append(escape(context))
                .append("/notifications/notify.js\" defer></script></head><body><header><h1>").append(escape(title))
                .append("</h1><nav><a href=\"").append(escape(context)).append("/\">Reports</a> <a href=\"")
                .append(escape(context)).append("/notifications\">Campaigns</a> <a href=\"").append(escape(context))
                .append("/notifications/do-not-call\">Do-not-call list</a></nav><span id=\"user\">")
                .append(escape(user)).append(operator ? "" : " (read only)").append("</span></header><main>");
        if (!flash.isEmpty()) {
            html.append("<p id=\"message\" role=\"status\">").append(escape(flash)).append("</p>");
        }
        return html;
    }

    private static String end(StringBuilder html) {
        return html.append("</main></body></html>").toString();
    }

    private String token() {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(csrf) + "\">";
    }

    private static String input(String name, String label, String type, String value, String attributes) {
        return "<label>" + escape(label) + " <input type=\"" + type + "\" name=\"" + name + "\" id=\"" + name
                + "\" value=\"" + escape(value) + "\"" + (attributes.isEmpty() ? "" : " " + attributes) + "></label>";
    }

    private static void detail(StringBuilder html, String term, String value) {
        html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    private String campaignLink(String id, String parameters) {
        return escape(context + "/notifications/campaign?id=" + encoded(id) + parameters);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }
}

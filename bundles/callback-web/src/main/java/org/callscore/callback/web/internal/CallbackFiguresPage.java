package org.callscore.callback.web.internal;

import static org.callscore.support.web.HtmlText.escape;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.callscore.callback.CallbackFigureQuery;
import org.callscore.callback.CallbackFigureRow;

/** The managers' callback figures (report:callbacks on the dashboard) as HTML: every value escaped, no script. */
final class CallbackFiguresPage {

    private CallbackFiguresPage() {
    }

    static String render(String context, CallbackFigureQuery query, List<CallbackFigureRow> rows) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>CallScore callback figures</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(escape(context)).append("/callbacks/callbacks.css\">")
                .append("</head><body><header><h1>Callback figures</h1>")
                .append("<a href=\"").append(escape(context)).append("/callbacks\">Callbacks due</a></header>")
                .append("<form method=\"get\" action=\"").append(escape(context)).append("/callbacks/figures\" id=\"period\">")
                .append(input("from", "From", query.from().toString()))
                .append(input("to", "To (excluded)", query.to().toString()))
                .append(input("queue", "Queue", query.queue().orElse("")))
                .append("<label>By <select name=\"by\">");
        for (CallbackFigureQuery.Grouping grouping : CallbackFigureQuery.Grouping.values()) {
            String name = grouping.name().toLowerCase(Locale.ROOT);
            html.append("<option value=\"").append(name).append('"')
                    .append(grouping == query.groupBy() ? " selected" : "").append('>').append(name).append("</option>");
        }
        html.append("</select></label>").append(input("closure", "Closure days", Integer.toString(query.closureDays())))
                .append("<button>Show</button></form>")
                .append("<p>Callbacks requested in ").append(escape(query.zone().getId()))
                .append(" days; definitions in docs/metrics.md.</p>");
        if (rows.isEmpty()) {
            return html.append("<p id=\"empty\">No callbacks match.</p></body></html>").toString();
        }
        html.append("<table id=\"figures\"><thead><tr><th>Group</th><th>Requested</th><th>Done</th><th>Failed</th>")
                .append("<th>Expired</th><th>Cancelled</th><th>Open</th><th>Mean time to reach</th>")
                .append("<th>Median time to reach</th><th>On time</th><th>Closed within ")
                .append(query.closureDays()).append(" days</th></tr></thead><tbody>");
        for (CallbackFigureRow r : rows) {
            html.append("<tr><td>").append(escape(r.key())).append("</td>")
                    .append(cell(r.requested())).append(cell(r.done())).append(cell(r.failed()))
                    .append(cell(r.expired())).append(cell(r.cancelled())).append(cell(r.open()))
                    .append("<td>").append(duration(r.meanSecondsToReach())).append("</td><td>")
                    .append(duration(r.medianSecondsToReach())).append("</td><td>").append(percent(r.onTimeRate()))
                    .append("</td><td>").append(percent(r.closureRate())).append("</td></tr>");
        }
        return html.append("</tbody></table></body></html>").toString();
    }

    private static String input(String name, String label, String value) {
        return "<label>" + label + " <input name=\"" + name + "\" value=\"" + escape(value) + "\"></label>";
    }

    private static String cell(long value) {
        return "<td>" + value + "</td>";
    }

    /** @return e.g. {@code 2 h 05 min}, {@code 12 min}, or {@code -} */
    static String duration(OptionalDouble seconds) {
        if (seconds.isEmpty()) {
            return "-";
        }
        long minutes = Math.round(seconds.getAsDouble() / 60);
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    private static String percent(OptionalDouble share) {
        return share.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f %%", share.getAsDouble() * 100);
    }
}

package org.callscore.callback.web.internal;

import static org.callscore.support.web.HtmlText.escape;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.callscore.callback.Callback;
import org.callscore.callback.FeedOwner;
import org.callscore.support.web.DashboardSession;
import org.callscore.support.web.HtmlText;

/**
 * The agent page as HTML: every value escaped, no inline script or style (the dashboard's content security
 * policy allows only this server's files), the due times as ISO instants for {@code agent.js}'s notifications.
 *
 * @param listener whether the user may listen to recordings (the recordings page checks it again)
 */
record CallbacksPage(String context, String csrf, String user, boolean manager, Optional<String> agent, ZoneId zone,
        Instant now, boolean listener) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    /** @return a page with only a message (an error) */
    static String message(String message) {
        return HtmlText.messagePage("CallScore callbacks", message);
    }

    String render(List<Callback> due, Optional<Callback> asked, String flash, Optional<FeedOwner> feedOwner,
            boolean feedActive) {
        StringBuilder html = new StringBuilder(8192);
        String whose = agent.orElse("every agent");
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>CallScore callbacks: ").append(escape(whose)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(escape(context)).append("/callbacks/callbacks.css\">")
                .append("<script src=\"").append(escape(context)).append("/callbacks/agent.js\" defer></script>")
                .append("</head><body><header><h1>Callbacks: ").append(escape(whose)).append("</h1>")
                .append("<span>").append(escape(user)).append("</span>")
                .append("<form method=\"post\" action=\"").append(escape(context)).append("/logout\">")
                .append(token()).append("<button>Log out</button></form></header>");
        if (!flash.isEmpty()) {
            html.append("<p id=\"message\" role=\"status\">").append(escape(flash)).append("</p>");
        }
        html.append("<p><button id=\"notify\" type=\"button\" hidden>Notify me when a callback falls due</button></p>");
        if (manager) {
            html.append("<form method=\"get\" action=\"").append(escape(context)).append("/callbacks\" id=\"pick\">")
                    .append("<label>Agent <input name=\"agent\" value=\"").append(escape(agent.orElse("")))
                    .append("\" placeholder=\"every agent\"></label><button>Show</button></form>");
        }
        asked.ifPresent(callback -> html.append("<h2>Callback</h2>").append(table("asked", List.of(callback))));
        html.append("<h2>Due today</h2>");
        html.append(due.isEmpty() ? "<p id=\"none\">No open callback is due today.</p>" : table("due", due));
        requestForm(html);
        feedOwner.ifPresent(owner -> feedForm(html, owner, feedActive));
        if (manager) {
            html.append("<h2>Queue feed</h2><form method=\"post\" action=\"").append(escape(context))
                    .append("/callbacks/feed\" id=\"queue-feed\">").append(token())
                    .append("<input type=\"hidden\" name=\"kind\" value=\"queue\">")
                    .append("<label>Queue <input name=\"name\" required></label>")
                    .append("<button name=\"action\" value=\"issue\">New feed address</button>")
                    .append("<button name=\"action\" value=\"revoke\">Revoke</button></form>");
        }
        return html.append("</body></html>").toString();
    }

    private String token() {
        return "<input type=\"hidden\" name=\"" + DashboardSession.CSRF_FIELD + "\" value=\"" + escape(csrf) + "\">"
                + "<input type=\"hidden\" name=\"back_agent\" value=\"" + escape(agent.orElse("")) + "\">";
    }

    private String table(String id, List<Callback> callbacks) {
        StringBuilder html = new StringBuilder();
        html.append("<table id=\"").append(id).append("\"><thead><tr><th>Due</th><th>Number</th><th>Queue</th>")
                .append(manager ? "<th>Agent</th>" : "")
                .append("<th>Customer's time</th><th>Reason</th><th>State</th><th>Move</th><th>Cancel</th></tr></thead>")
                .append("<tbody>");
        for (Callback callback : callbacks) {
            boolean overdue = callback.dueAt().isBefore(now);
            html.append("<tr data-id=\"").append(escape(callback.id())).append("\" data-due=\"")
                    .append(callback.dueAt()).append("\" data-summary=\"")
                    .append(escape("Call back " + callback.customerNumber() + " (" + callback.queue() + ")"))
                    .append("\"").append(overdue ? " class=\"overdue\"" : "").append(">")
                    .append("<td class=\"when\">").append(overdue ? "overdue since " : "")
                    .append(escape((callback.dueAt().atZone(zone).toLocalDate()
                            .equals(now.atZone(zone).toLocalDate()) ? TIME : DAY_TIME)
                            .format(callback.dueAt().atZone(zone)))).append("</td>")
                    .append("<td class=\"number\">").append(escape(callback.customerNumber())).append("</td>")
                    .append("<td>").append(escape(callback.queue())).append("</td>")
                    .append(manager ? "<td>" + escape(callback.agent().orElse("any")) + "</td>" : "")
                    .append("<td>").append(escape(callback.askedFor()
                            .map(at -> DAY_TIME.format(at.atZone(callback.customerZone())))
                            .orElse("as soon as possible"))).append(" (").append(escape(callback.customerZone().getId()))
                    .append(")</td><td class=\"reason\">").append(escape(callback.reason())).append(message(callback))
                    .append("</td>")
                    .append("<td class=\"state\">").append(callback.state().name().toLowerCase(Locale.ROOT))
                    .append(callback.attempts() > 0 ? ", " + callback.attempts() + " attempts" : "").append("</td>")
                    .append("<td><form method=\"post\" class=\"move\" action=\"").append(escape(context))
                    .append("/callbacks/move\">").append(token()).append(idField(callback))
                    .append("<input type=\"datetime-local\" name=\"asked_for\" value=\"")
                    .append(escape(CallbackForm.local(callback.askedFor().orElse(callback.dueAt()),
                            callback.customerZone())))
                    .append("\"><label><input type=\"checkbox\" name=\"asap\"> ASAP</label><button>Move</button>")
                    .append("</form></td><td><form method=\"post\" class=\"cancel\" action=\"").append(escape(context))
                    .append("/callbacks/cancel\">").append(token()).append(idField(callback))
                    .append("<input name=\"why\" placeholder=\"why\"><button>Cancel</button></form></td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** A voicemail's callback: its message, and for a listener a link to the recordings page's player. */
    private String message(Callback callback) {
        return callback.message().map(m -> " <span class=\"message\">voice message, " + m.length().toSeconds()
                + " s</span>" + (listener ? m.recording().map(id -> " <a class=\"listen\" href=\"" + escape(context)
                        + "/recordings/" + id + "\">Listen</a>").orElse("") : "")).orElse("");
    }

    private static String idField(Callback callback) {
        return "<input type=\"hidden\" name=\"id\" value=\"" + escape(callback.id()) + "\">";
    }

    private void requestForm(StringBuilder html) {
        html.append("<h2>Request a callback</h2><form method=\"post\" id=\"request\" action=\"").append(escape(context))
                .append("/callbacks/request\">").append(token())
                .append("<label>Queue <input name=\"queue\" required></label>")
                .append("<label>Number <input name=\"number\" required inputmode=\"tel\"></label>")
                .append("<label>Customer's time zone <input name=\"zone\" value=\"").append(escape(zone.getId()))
                .append("\"></label>");
        if (manager) {
            html.append("<label>Agent <input name=\"agent\" value=\"").append(escape(agent.orElse("")))
                    .append("\" placeholder=\"any agent of the queue\"></label>");
        }
        html.append("<label>Reason <input name=\"reason\"></label>")
                .append("<label>Customer asked for <input type=\"datetime-local\" name=\"asked_for\"></label>")
                .append("<label><input type=\"checkbox\" name=\"asap\"> As soon as possible</label>")
                .append("<button>Request</button></form>");
    }

    private void feedForm(StringBuilder html, FeedOwner owner, boolean active) {
        html.append("<h2>Calendar feed</h2><p id=\"feed-state\">")
                .append(active ? "A feed address is in use. A new one replaces it."
                        : "No feed address: make one and add it to your calendar (subscribe by URL).")
                .append("</p><form method=\"post\" id=\"feed\" action=\"").append(escape(context))
                .append("/callbacks/feed\">").append(token())
                .append("<input type=\"hidden\" name=\"kind\" value=\"agent\">")
                .append("<input type=\"hidden\" name=\"name\" value=\"").append(escape(owner.name())).append("\">")
                .append("<button name=\"action\" value=\"issue\" id=\"feed-issue\">New feed address</button>")
                .append(active ? "<button name=\"action\" value=\"revoke\" id=\"feed-revoke\">Revoke</button>" : "")
                .append("</form>");
    }
}

package org.callscore.recording.web.internal;

import static org.callscore.support.web.HtmlText.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.callscore.recording.Recording;
import org.callscore.recording.RecordingAccess;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingPage;
import org.callscore.recording.RecordingState;
import org.callscore.support.web.DashboardRoles;
import org.callscore.support.web.HtmlText;

/**
 * The recordings pages as HTML: every value escaped, no script and no inline style (the dashboard's content
 * security policy), players as plain {@code audio} elements whose files come from this bundle's servlet only.
 *
 * @param listener      whether the user may listen (has the listening role)
 * @param administrator whether the user may see the access log
 */
record RecordingsPage(String context, String user, boolean listener, boolean administrator, ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);

    /** @return a page with only a message (an error) */
    static String message(String message) {
        return HtmlText.messagePage("CallScore recordings", message);
    }

    /**
     * @param page   the matches, or null when the filters were refused
     * @param error  why the filters were refused, or empty
     * @param number the page's number, from 1
     * @param folder why the recordings folder cannot be read, or empty
     */
    String search(RecordingFilters filters, RecordingPage page, String error, int number, Optional<String> folder) {
        StringBuilder html = head("Recordings");
        folder.ifPresent(problem -> html.append("<p id=\"folder\" role=\"alert\">").append(escape(problem))
                .append(": no recording can be played or made until an administrator fixes it.</p>"));
        html.append("<form method=\"get\" action=\"").append(escape(context)).append("/recordings\" id=\"filters\">");
        field(html, filters, "caller", "Caller (digits)", "text");
        field(html, filters, "agent", "Agent", "text");
        field(html, filters, "queue", "Queue", "text");
        field(html, filters, "from", "From", "datetime-local");
        field(html, filters, "to", "Until (not included)", "datetime-local");
        field(html, filters, "min-duration", "At least (s)", "number");
        field(html, filters, "max-duration", "At most (s)", "number");
        field(html, filters, "min-score", "Score from", "number");
        field(html, filters, "max-score", "Score to", "number");
        html.append("<label>Complaint <select name=\"complaint\" id=\"complaint\">");
        for (String[] option : new String[][] { { "", "any" }, { "yes", "yes" }, { "no", "no" } }) {
            html.append("<option value=\"").append(option[0]).append('"')
                    .append(option[0].equals(filters.value("complaint")) ? " selected" : "").append('>')
                    .append(option[1]).append("</option>");
        }
        html.append("</select></label>");
        if (filters.call().isPresent()) {
            html.append("<input type=\"hidden\" name=\"call\" value=\"").append(escape(filters.value("call")))
                    .append("\">");
        }
        html.append("<button id=\"search\">Search</button></form>");
        if (!error.isEmpty()) {
            html.append("<p id=\"message\" role=\"alert\">").append(escape(error)).append("</p>");
        }
        if (page != null) {
            if (filters.call().isPresent()) {
                html.append("<p id=\"call\">The recordings of call ").append(escape(filters.value("call")))
                        .append(" (<a href=\"").append(escape(context)).append("/recordings\">all recordings</a>)</p>");
            }
            html.append(page.recordings().isEmpty() ? "<p id=\"none\">No recording matches.</p>"
                    : table(page.recordings()));
            html.append("<nav id=\"pages\">");
            if (number > 1) {
                html.append("<a id=\"previous\" href=\"").append(pageLink(filters, number - 1))
                        .append("\">Newer</a> ");
            }
            html.append("<span>Page ").append(number).append("</span>");
            if (page.more()) {
                html.append(" <a id=\"next\" href=\"").append(pageLink(filters, number + 1)).append("\">Older</a>");
            }
            html.append("</nav>");
        }
        return html.append("</main></body></html>").toString();
    }

    /**
     * @param comments the voice comments the caller left in the same call's survey
     */
    String recording(Recording recording, List<Recording> comments) {
        StringBuilder html = head("Recording " + recording.id());
        html.append("<dl id=\"details\">");
        detail(html, "Kind", kind(recording.kind()));
        detail(html, "Started", TIME.format(recording.startedAt().atZone(zone)));
        detail(html, "Duration", recording.duration().map(RecordingsPage::seconds).orElse("–"));
        detail(html, "Caller", recording.caller().orElse("–"));
        detail(html, "Agent", recording.agent().orElse("–"));
        detail(html, "Queue", recording.queue().orElse("–"));
        detail(html, "Call", recording.uniqueId());
        detail(html, "State", recording.state().name().toLowerCase(Locale.ROOT)
                + (recording.held() ? ", on hold" : ""));
        html.append("</dl>");
        player(html, recording, "player");
        if (recording.surveyResponse().isPresent() || !comments.isEmpty()) {
            html.append("<section id=\"survey\"><h2>The caller's survey</h2><dl>");
            detail(html, "Response", recording.surveyResponse().orElse("–"));
            detail(html, "Mean score (1-5)", recording.meanScore().isPresent()
                    ? String.format(Locale.ROOT, "%.2f", recording.meanScore().getAsDouble()) : "–");
            detail(html, "Complaint", recording.complaint() ? "yes" : "no");
            html.append("</dl>");
            for (Recording comment : comments) {
                html.append("<h3>Voice comment</h3>");
                player(html, comment, "comment-" + comment.id());
            }
            html.append("</section>");
        }
        return html.append("</main></body></html>").toString();
    }

    String accessLog(List<RecordingAccess> lines, Instant from) {
        StringBuilder html = head("Who listened");
        html.append("<p>Every attempt since ").append(escape(TIME.format(from.atZone(zone))))
                .append(", newest first.</p><table id=\"access-log\" class=\"data\"><thead><tr><th>When</th>")
                .append("<th>Recording</th><th>User</th><th>From</th><th>Action</th><th>Result</th><th>Detail</th>")
                .append("</tr></thead><tbody>");
        for (RecordingAccess line : lines) {
            html.append("<tr class=\"").append(line.granted() ? "granted" : "refused").append("\"><td>")
                    .append(escape(TIME.format(line.at().atZone(zone)))).append("</td><td>")
                    .append(line.recordingId()).append("</td><td>").append(escape(line.user())).append("</td><td>")
                    .append(escape(line.address())).append("</td><td>")
                    .append(line.action().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(line.granted() ? "served" : "refused").append("</td><td>").append(escape(line.detail()))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table></main></body></html>").toString();
    }

    private StringBuilder head(String title) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CallScore ")
                .append(escape(title)).append("</title><link rel=\"stylesheet\" href=\"").append(escape(context))
                .append("/recordings/recordings.css\"></head><body><header><h1>").append(escape(title))
                .append("</h1><nav><a href=\"").append(escape(context)).append("/\">Reports</a> <a href=\"")
                .append(escape(context)).append("/recordings\">Recordings</a>");
        if (administrator) {
            html.append(" <a id=\"access-log-link\" href=\"").append(escape(context))
                    .append("/recordings/access-log\">Who listened</a>");
        }
        return html.append("</nav><span id=\"user\">").append(escape(user)).append("</span></header><main>");
    }

    private void player(StringBuilder html, Recording recording, String id) {
        if (recording.state() != RecordingState.READY) {
            html.append("<p class=\"unavailable\">Nothing to play: ")
                    .append(recording.state() == RecordingState.PURGED ? "purged" : "still being recorded")
                    .append(".</p>");
        } else if (!listener) {
            html.append("<p class=\"no-role\">Listening needs the role ").append(escape(DashboardRoles.LISTENER))
                    .append(".</p>");
        } else {
            html.append("<audio controls preload=\"none\" id=\"").append(escape(id)).append("\" src=\"")
                    .append(escape(context)).append("/recordings/audio/").append(recording.id())
                    .append("\"></audio> <a class=\"download\" href=\"").append(escape(context))
                    .append("/recordings/download/").append(recording.id()).append("\">Download</a>");
        }
    }

    private String table(List<Recording> recordings) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<table id=\"recordings\" class=\"data\"><thead><tr><th>Started</th><th>Kind</th><th>Caller</th>")
                .append("<th>Agent</th><th>Queue</th><th>Duration</th><th>Score</th><th>Complaint</th><th></th>")
                .append("</tr></thead><tbody>");
        for (Recording r : recordings) {
            html.append("<tr data-id=\"").append(r.id()).append("\"><td>")
                    .append(escape(TIME.format(r.startedAt().atZone(zone)))).append("</td><td>").append(kind(r.kind()))
                    .append("</td><td>").append(escape(r.caller().orElse("–"))).append("</td><td>")
                    .append(escape(r.agent().orElse("–"))).append("</td><td>").append(escape(r.queue().orElse("–")))
                    .append("</td><td>").append(r.duration().map(RecordingsPage::seconds).orElse("–"))
                    .append("</td><td>").append(r.meanScore().isPresent()
                            ? String.format(Locale.ROOT, "%.2f", r.meanScore().getAsDouble()) : "–")
                    .append("</td><td>").append(r.surveyResponse().isEmpty() ? "–" : r.complaint() ? "yes" : "no")
                    .append("</td><td><a class=\"open\" href=\"").append(escape(context)).append("/recordings/")
                    .append(r.id()).append("\">").append(listener ? "Listen" : "Details").append("</a></td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private String pageLink(RecordingFilters filters, int number) {
        String query = filters.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return escape(context + "/recordings?" + (query.isEmpty() ? "" : query + "&") + "page=" + number);
    }

    private static void field(StringBuilder html, RecordingFilters filters, String name, String label, String type) {
        html.append("<label>").append(label).append(" <input type=\"").append(type).append("\" name=\"").append(name)
                .append("\" id=\"").append(name).append("\" value=\"").append(escape(filters.value(name)))
                .append('"').append(type.equals("number") ? " min=\"0\" step=\"any\"" : "").append("></label> ");
    }

    private static void detail(StringBuilder html, String term, String value) {
        html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    private static String kind(RecordingKind kind) {
        return switch (kind) {
            case QUEUE_CALL -> "queue call";
            case WHOLE_CALL -> "whole call";
            case IVR -> "IVR";
            case VOICE_COMMENT -> "voice comment";
            case VOICEMAIL -> "voicemail";
        };
    }

    static String seconds(Duration duration) {
        long s = duration.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

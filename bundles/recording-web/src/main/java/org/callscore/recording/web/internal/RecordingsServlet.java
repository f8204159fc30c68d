package org.callscore.recording.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.callscore.recording.Listener;
import org.callscore.recording.Recording;
import org.callscore.recording.RecordingAccess;
import org.callscore.recording.RecordingFile;
import org.callscore.recording.RecordingIndex;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingPage;
import org.callscore.recording.RecordingRefusedException;
import org.callscore.site.SiteZone;
import org.callscore.support.rules.UniqueId;
import org.callscore.support.text.LogText;
import org.callscore.support.web.DashboardRoles;
import org.callscore.support.web.DashboardServlet;
import org.callscore.support.web.DashboardSession;
import org.callscore.support.web.PageAnswers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings in the dashboard's context, behind its login (a report role reaches them):
 * <ul>
 * <li>{@code GET /recordings}: the search (caller, agent, queue, time, duration, score, complaint; 50 a page), or
 * with {@code call=UNIQUEID} the recordings of one call (the dashboard's links);</li>
 * <li>{@code GET /recordings/ID}: one recording with its player, its call's survey answers and voice comments;</li>
 * <li>{@code GET /recordings/audio/ID} and {@code /recordings/download/ID}: the file, inline or as an attachment,
 * with single byte ranges (206), only through {@link RecordingIndex#open} (which logs it and checks the file lies
 * in the recordings folder); a user without a listening role is refused (403) and the refusal logged;</li>
 * <li>{@code GET /recordings/calls.json?call=A&call=B}: which calls have recordings, for the dashboard's
 * tables;</li>
 * <li>{@code GET /recordings/access-log}: who listened, for administrators.</li>
 * </ul>
 * Every list shown is logged with who looked at it.
 */
@Component(immediate = true, service = Servlet.class, configurationPid = RecordingsServlet.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DashboardServlet(servlet_pattern = {RecordingsServlet.PATH, RecordingsServlet.PATH + "/*"},
        servlet_name = "callscore-recording-pages")
@Designate(ocd = RecordingsServlet.Config.class)
public class RecordingsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RecordingsServlet.class);

    static final String PID = "org.callscore.recording.web";
    static final String PATH = "/recordings";
    private static final Pattern FILE = Pattern.compile("/(audio|download)/(\\d{1,18})");
    private static final Pattern ONE = Pattern.compile("/(\\d{1,18})");
    private static final int MOST_CALLS = 200;
    private static final int ACCESS_LOG_LINES = 1000;
    private static final int CHUNK = 64 * 1024;

    @ObjectClassDefinition(name = "CallScore recording pages",
            description = "The recordings page, the player and the access log on the dashboard")
    public @interface Config {

        @AttributeDefinition(name = "Listening roles",
                description = "Roles (comma-separated) whose users may listen to and download recordings; others "
                        + "see the list only, and their attempts are refused and logged")
        String listen_roles() default DashboardRoles.LISTENER;

        @AttributeDefinition(name = "Administrator roles",
                description = "Roles (comma-separated) whose users see the access log")
        String admin_roles() default DashboardRoles.ADMIN;

        @AttributeDefinition(name = "Access log days", description = "How many days back the access log page shows")
        int access_log_days() default 30;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RecordingIndex index;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SiteZone siteZone;

    private final Set<String> listenRoles;
    private final Set<String> adminRoles;
    private final Duration accessLogSpan;
    private final transient Clock clock = Clock.systemUTC();

    @Activate
    public RecordingsServlet(Config config) {
        this.listenRoles = DashboardSession.configuredRoles(config.listen_roles());
        this.adminRoles = DashboardSession.configuredRoles(config.admin_roles());
        this.accessLogSpan = Duration.ofDays(Math.max(1, config.access_log_days()));
    }

    /** Who is asking, and what they may do. */
    private record Viewer(String user, String address, boolean listener, boolean administrator) {

        Listener asListener() {
            return new Listener(user, address);
        }
    }

    private Viewer viewer(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String user = DashboardSession.user(session).orElseThrow(() -> new SecurityException("not logged in"));
        Set<String> roles = DashboardSession.roles(session);
        return new Viewer(user, request.getRemoteAddr(), !Collections.disjoint(roles, listenRoles),
                !Collections.disjoint(roles, adminRoles));
    }

    private ZoneId zone() {
        return SiteZone.of(siteZone);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/recordings.css")) {
            PageAnswers.resource(response, RecordingsServlet.class, "recordings.css", "text/css;charset=UTF-8");
            return;
        }
        Viewer viewer = viewer(request);
        RecordingIndex service = index;
        if (service == null) {
            page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The recording module is not running.");
            return;
        }
        RecordingsPage pages = new RecordingsPage(request.getContextPath(), viewer.user(), viewer.listener(),
                viewer.administrator(), zone());
        Matcher file = FILE.matcher(path);
        Matcher one = ONE.matcher(path);
        try {
            if (file.matches()) {
                serve(request, response, service, viewer, Long.parseLong(file.group(2)),
                        file.group(1).equals("audio") ? RecordingAccess.Action.PLAY : RecordingAccess.Action.DOWNLOAD);
            } else if (one.matches()) {
                recording(response, service, viewer, pages, Long.parseLong(one.group(1)));
            } else if (path.isEmpty() || path.equals("/")) {
                search(request, response, service, viewer, pages);
            } else if (path.equals("/calls.json")) {
                calls(request, response, service, viewer);
            } else if (path.equals("/access-log")) {
                accessLog(response, service, viewer, pages);
            } else {
                page(response, HttpServletResponse.SC_NOT_FOUND, "No such page.");
            }
        } catch (IllegalStateException e) {
            LOG.warn("Recording pages: {} could not be answered for {}: {}", LogText.of(path),
                    LogText.of(viewer.user()), LogText.of(e.toString()));
            if (!response.isCommitted()) {
                page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The recordings cannot be read just now: "
                        + e.getMessage());
            }
        }
    }

    private void search(HttpServletRequest request, HttpServletResponse response, RecordingIndex service,
            Viewer viewer, RecordingsPage pages) throws IOException {
        RecordingFilters filters = RecordingFilters.of(request::getParameter);
        int number = pageNumber(request.getParameter("page"));
        RecordingPage page;
        try {
            if (filters.call().isPresent()) {
                page = new RecordingPage(UniqueId.isValid(filters.value("call"))
                        ? service.ofCall(filters.value("call")) : List.of(), false);
            } else {
                page = service.search(filters.query(zone(), number));
            }
        } catch (IllegalArgumentException e) {
            PageAnswers.html(response, HttpServletResponse.SC_BAD_REQUEST, pages.search(filters, null, e.getMessage(), number,
                    service.folderProblem()));
            return;
        }
        LOG.info("Recording pages: {} searched the recordings ({} shown)", LogText.of(viewer.user()),
                page.recordings().size());
        PageAnswers.html(response, HttpServletResponse.SC_OK, pages.search(filters, page, "", number, service.folderProblem()));
    }

    private static int pageNumber(String text) {
        try {
            return text == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(text.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void recording(HttpServletResponse response, RecordingIndex service, Viewer viewer, RecordingsPage pages,
            long id) throws IOException {
        Optional<Recording> recording = service.byId(id);
        if (recording.isEmpty()) {
            page(response, HttpServletResponse.SC_NOT_FOUND, "No recording " + id + ".");
            return;
        }
        List<Recording> comments = recording.get().kind() == RecordingKind.VOICE_COMMENT ? List.of()
                : service.ofCall(recording.get().uniqueId()).stream()
                        .filter(r -> r.kind() == RecordingKind.VOICE_COMMENT).toList();
        LOG.info("Recording pages: {} looked at recording {}", LogText.of(viewer.user()), id);
        PageAnswers.html(response, HttpServletResponse.SC_OK, pages.recording(recording.get(), comments));
    }

    private void calls(HttpServletRequest request, HttpServletResponse response, RecordingIndex service,
            Viewer viewer) throws IOException {
        String[] asked = request.getParameterValues("call");
        StringBuilder json = new StringBuilder("{\"listen\":").append(viewer.listener()).append(",\"calls\":{");
        int shown = 0;
        for (String call : asked == null ? new String[0] : asked) {
            if (shown == MOST_CALLS || !UniqueId.isValid(call)) {
                continue;
            }
            List<Recording> recordings = service.ofCall(call);
            if (recordings.isEmpty()) {
                continue;
            }
            json.append(shown++ == 0 ? "" : ",").append('"').append(call).append("\":[");
            for (int i = 0; i < recordings.size(); i++) {
                Recording r = recordings.get(i);
                json.append(i == 0 ? "" : ",").append("{\"id\":").append(r.id()).append(",\"kind\":\"")
                        .append(r.kind().name().toLowerCase(Locale.ROOT)).append("\"}");
            }
            json.append(']');
        }
        json.append("}}");
        LOG.info("Recording pages: {} looked up the recordings of {} calls", LogText.of(viewer.user()), shown);
        PageAnswers.write(response, HttpServletResponse.SC_OK, "application/json;charset=UTF-8",
                json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void accessLog(HttpServletResponse response, RecordingIndex service, Viewer viewer, RecordingsPage pages)
            throws IOException {
        if (!viewer.administrator()) {
            page(response, HttpServletResponse.SC_FORBIDDEN, "The access log is for administrators.");
            return;
        }
        Instant from = clock.instant().minus(accessLogSpan);
        List<RecordingAccess> lines = service.accessLog(from, ACCESS_LOG_LINES);
        LOG.info("Recording pages: {} looked at the access log ({} lines)", LogText.of(viewer.user()), lines.size());
        PageAnswers.html(response, HttpServletResponse.SC_OK, pages.accessLog(lines, from));
    }

    /** The file, or the part the browser asked for; every request is an access (or a refusal) in the log. */
    private void serve(HttpServletRequest request, HttpServletResponse response, RecordingIndex service,
            Viewer viewer, long id, RecordingAccess.Action action) throws IOException {
        if (!viewer.listener()) {
            service.refused(id, viewer.asListener(), action, "no listening role (" + String.join(",", listenRoles)
                    + ")");
            LOG.warn("Recording pages: {} was refused recording {}: no listening role", LogText.of(viewer.user()), id);
            page(response, HttpServletResponse.SC_FORBIDDEN, "Listening needs the role " + DashboardRoles.LISTENER + ".");
            return;
        }
        RecordingFile file;
        try {
            file = service.open(id, viewer.asListener(), action);
        } catch (RecordingRefusedException e) {
            LOG.warn("Recording pages: {} was refused recording {}: {}", LogText.of(viewer.user()), id,
                    LogText.of(e.getMessage()));
            page(response, HttpServletResponse.SC_NOT_FOUND, "Recording " + id + " cannot be played: "
                    + e.getMessage());
            return;
        }
        long size = file.sizeBytes();
        ByteRange.Answer answer = ByteRange.of(request.getHeader("Range"), size);
        response.setHeader("Accept-Ranges", "bytes");
        if (action == RecordingAccess.Action.DOWNLOAD) {
            response.setHeader("Content-Disposition", "attachment; filename=\"recording-" + id + "."
                    + file.recording().format().replaceAll("[^A-Za-z0-9]", "") + "\"");
        }
        if (answer instanceof ByteRange.Unsatisfiable) {
            response.setHeader("Content-Range", "bytes */" + size);
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setContentLength(0);
            return;
        }
        ByteRange range = answer instanceof ByteRange.Part part ? part.range() : new ByteRange(0, size - 1);
        if (answer instanceof ByteRange.Part) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", range.contentRange(size));
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
        }
        response.setContentType(file.contentType());
        response.setContentLengthLong(Math.max(0, range.length()));
        if (request.getMethod().equals("HEAD") || size == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            copy(channel, range, response.getOutputStream());
        }
    }

    private static void copy(FileChannel channel, ByteRange range, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long position = range.first();
        long left = range.length();
        while (left > 0) {
            buffer.clear().limit((int) Math.min(CHUNK, left));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("the recording ended early (changed on disk while it was served)");
            }
            out.write(buffer.array(), 0, read);
            position += read;
            left -= read;
        }
    }

    private static void page(HttpServletResponse response, int status, String message) throws IOException {
        PageAnswers.html(response, status, RecordingsPage.message(message));
    }
}

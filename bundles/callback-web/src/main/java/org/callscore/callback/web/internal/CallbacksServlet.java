package org.callscore.callback.web.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.callscore.callback.Callback;
import org.callscore.callback.CallbackFeeds;
import org.callscore.callback.CallbackFigureQuery;
import org.callscore.callback.CallbackFigureRow;
import org.callscore.callback.CallbackFigures;
import org.callscore.callback.CallbackQuery;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.CallbackState;
import org.callscore.callback.Callbacks;
import org.callscore.callback.FeedOwner;
import org.callscore.site.SiteZone;
import org.callscore.support.text.LogText;
import org.callscore.support.web.DashboardRoles;
import org.callscore.support.web.DashboardServlet;
import org.callscore.support.web.DashboardSession;
import org.callscore.support.web.FormFlash;
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
 * The callback pages in the dashboard's context, behind its login: {@code GET /callbacks} lists one agent's open
 * callbacks due today, overdue ones first, with the callback form and the agent's feed address; the forms post
 * to {@code /callbacks/request}, {@code /callbacks/move}, {@code /callbacks/cancel} and {@code /callbacks/feed},
 * each with the session's token, and come back to the list (303) with what happened.
 * <p>
 * A login name is the agent's name (queue_log's agent column). An agent sees and changes only the callbacks
 * assigned to them, and only their own feed; a manager (a user with a manager role) sees everyone's, picks the
 * agent, and issues queue feeds too. Every list shown is logged with who looked at it.
 */
@Component(immediate = true, service = Servlet.class, configurationPid = CallbacksServlet.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@DashboardServlet(servlet_pattern = {CallbacksServlet.PATH, CallbacksServlet.PATH + "/*"},
        servlet_name = "callscore-callback-pages")
@Designate(ocd = CallbacksServlet.Config.class)
public class CallbacksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CallbacksServlet.class);

    static final String PID = "org.callscore.callback.web";
    static final String PATH = "/callbacks";
    private static final FormFlash FLASH = new FormFlash("org.callscore.callback.web.flash");
    private static final Set<CallbackState> OPEN = EnumSet.of(CallbackState.SCHEDULED, CallbackState.DIALLING);
    private static final int MOST_SHOWN = 500;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    @ObjectClassDefinition(name = "CallScore callback pages",
            description = "The agent page and the callback form on the dashboard")
    public @interface Config {

        @AttributeDefinition(name = "Manager roles",
                description = "Roles (comma-separated) whose users see and change every agent's callbacks and issue "
                        + "queue feeds; other users see only the callbacks assigned to their login name")
        String manager_roles() default DashboardRoles.ADMIN + "," + DashboardRoles.MANAGER;

        @AttributeDefinition(name = "Listening roles",
                description = "Roles (comma-separated) whose users get a link to hear a callback's voice message on "
                        + "the recordings page (which checks its own listen.roles again); keep the two alike")
        String listen_roles() default DashboardRoles.LISTENER;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Callbacks callbacks;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CallbackFeeds feeds;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SiteZone siteZone;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CallbackFigures figures;

    private final Set<String> managerRoles;
    private final Set<String> listenRoles;
    private final transient Clock clock = Clock.systemUTC();

    @Activate
    public CallbacksServlet(Config config) {
        this.managerRoles = DashboardSession.configuredRoles(config.manager_roles());
        this.listenRoles = DashboardSession.configuredRoles(config.listen_roles());
    }


    /** Who is asking, and what they may see. */
    private record Viewer(String user, boolean manager) {

        /** @return the agent whose callbacks to show: the viewer's own unless a manager asks for another or all */
        Optional<String> agent(String asked) {
            String name = CallbackForm.optional(asked);
            if (!manager) {
                if (!name.isEmpty() && !name.equals(user)) {
                    throw new SecurityException("an agent sees only their own callbacks");
                }
                return Optional.of(user);
            }
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        }

        void mayChange(Callback callback) {
            if (!manager && !callback.agent().equals(Optional.of(user))) {
                throw new SecurityException("callback " + callback.id() + " is not assigned to " + user);
            }
        }
    }

    private Viewer viewer(HttpSession session) {
        String user = DashboardSession.user(session).orElseThrow(() -> new SecurityException("not logged in"));
        return new Viewer(user, !Collections.disjoint(DashboardSession.roles(session), managerRoles));
    }

    private ZoneId zone() {
        return SiteZone.of(siteZone);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/agent.js")) {
            PageAnswers.resource(response, CallbacksServlet.class, "agent.js", "text/javascript;charset=UTF-8");
            return;
        }
        if (path.equals("/callbacks.css")) {
            PageAnswers.resource(response, CallbacksServlet.class, "callbacks.css", "text/css;charset=UTF-8");
            return;
        }
        if (path.equals("/figures")) {
            figures(request, response);
            return;
        }
        if (!path.isEmpty() && !path.equals("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        HttpSession session = request.getSession(true);
        Viewer viewer = viewer(session);
        Optional<String> agent;
        try {
            agent = viewer.agent(request.getParameter("agent"));
        } catch (SecurityException e) {
            page(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden: " + e.getMessage());
            return;
        }
        Callbacks service = callbacks;
        if (service == null) {
            page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The callback module is not running.");
            return;
        }
        ZoneId zone = zone();
        Instant endOfToday = LocalDate.now(clock.withZone(zone)).plusDays(1).atStartOfDay(zone).toInstant();
        Optional<FeedOwner> feedOwner = agent.map(name -> new FeedOwner(FeedOwner.Kind.AGENT, name));
        CallbackFeeds feedService = feeds;
        List<Callback> due;
        Optional<Callback> asked;
        boolean feedActive;
        try {
            due = service.find(new CallbackQuery(Optional.empty(), agent, OPEN, Optional.empty(),
                    Optional.of(endOfToday), MOST_SHOWN));
            asked = Optional.ofNullable(request.getParameter("id")).flatMap(service::byId)
                    .filter(c -> viewer.manager() || c.agent().equals(Optional.of(viewer.user())));
            feedActive = feedOwner.isPresent() && feedService != null && feedService.feeds().contains(feedOwner.get());
        } catch (RuntimeException e) {
            LOG.warn("Callback pages: the callbacks could not be read for {}: {}", LogText.of(viewer.user()),
                    LogText.of(e.toString()));
            page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The callbacks cannot be read just now: "
                    + e.getMessage());
            return;
        }
        LOG.info("Callback pages: {} looked at the callbacks due today of {} ({} shown)", LogText.of(viewer.user()),
                agent.map(LogText::of).orElse("every agent"), due.size() + (asked.isPresent() ? 1 : 0));
        String html = new CallbacksPage(request.getContextPath(), DashboardSession.csrfToken(session), viewer.user(),
                viewer.manager(), agent, zone, clock.instant(),
                !Collections.disjoint(DashboardSession.roles(session), listenRoles))
                .render(due, asked, FLASH.take(session), feedOwner, feedActive);
        PageAnswers.html(response, HttpServletResponse.SC_OK, html);
    }

    /** The callback figures of a period, for managers only. */
    private void figures(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = viewer(request.getSession(true));
        if (!viewer.manager()) {
            page(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden: the callback figures are for managers");
            return;
        }
        CallbackFigures service = figures;
        if (service == null) {
            page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The callback module is not running.");
            return;
        }
        ZoneId zone = zone();
        CallbackFigureQuery query;
        try {
            query = CallbackForm.figureQuery(request::getParameter, LocalDate.now(clock.withZone(zone)), zone);
        } catch (IllegalArgumentException e) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, "Bad request: " + e.getMessage());
            return;
        }
        List<CallbackFigureRow> rows;
        try {
            rows = service.figures(query);
        } catch (RuntimeException e) {
            LOG.warn("Callback pages: the callback figures could not be read: {}", LogText.of(e.toString()));
            page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The callback figures cannot be read just now: "
                    + e.getMessage());
            return;
        }
        PageAnswers.html(response, HttpServletResponse.SC_OK, CallbackFiguresPage.render(request.getContextPath(), query,
                rows));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        HttpSession session = request.getSession(false);
        if (!DashboardSession.validToken(session, request.getParameter(DashboardSession.CSRF_FIELD))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "missing or wrong form token");
            return;
        }
        Viewer viewer = viewer(session);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String back = CallbackForm.optional(request.getParameter("back_agent"));
        String message;
        try {
            message = switch (path) {
                case "/request" -> request(request, viewer);
                case "/move" -> move(request, viewer);
                case "/cancel" -> cancel(request, viewer);
                case "/feed" -> feed(request, viewer);
                default -> throw new NoSuchElementException("no such form: " + path);
            };
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException | SecurityException e) {
            message = "Not done: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("Callback pages: {}'s {} failed: {}", LogText.of(viewer.user()), LogText.of(path),
                    LogText.of(e.toString()));
            message = "Not done, try again: " + e.getMessage();
        }
        FLASH.seeOther(session, response, message, request.getContextPath() + PATH
                + (back.isEmpty() || !viewer.manager() ? "" : "?agent=" + URLEncoder.encode(back,
                        StandardCharsets.UTF_8)));
    }

    private Callbacks callbacks() {
        Callbacks service = callbacks;
        if (service == null) {
            throw new IllegalStateException("the callback module is not running");
        }
        return service;
    }

    private String request(HttpServletRequest request, Viewer viewer) {
        ZoneId zone = CallbackForm.zone(request.getParameter("zone"), zone());
        Optional<String> agent = viewer.manager()
                ? Optional.of(CallbackForm.optional(request.getParameter("agent"))).filter(name -> !name.isEmpty())
                : Optional.of(viewer.user());
        String id = callbacks().request(new CallbackRequest(CallbackForm.required("queue", request.getParameter("queue")),
                CallbackForm.required("number", request.getParameter("number")).replaceAll("[\\s().-]", ""),
                Optional.of(zone), agent, CallbackForm.optional(request.getParameter("reason")),
                CallbackSource.DASHBOARD,
                CallbackForm.askedFor(request.getParameter("asap") != null, request.getParameter("asked_for"), zone),
                Optional.empty(), Optional.empty(), viewer.user()));
        LOG.info("Callback pages: {} requested callback {}", LogText.of(viewer.user()), id);
        return "Callback requested.";
    }

    private Callback changeable(String id, Viewer viewer) {
        Callback callback = callbacks().byId(CallbackForm.required("callback", id))
                .orElseThrow(() -> new NoSuchElementException("no callback " + id));
        viewer.mayChange(callback);
        return callback;
    }

    private String move(HttpServletRequest request, Viewer viewer) {
        Callback callback = changeable(request.getParameter("id"), viewer);
        Optional<Instant> askedFor = CallbackForm.askedFor(request.getParameter("asap") != null,
                request.getParameter("asked_for"), callback.customerZone());
        Callback moved = callbacks().move(callback.id(), askedFor, viewer.user());
        return "Callback moved to " + DAY_TIME.format(moved.dueAt().atZone(zone())) + ".";
    }

    private String cancel(HttpServletRequest request, Viewer viewer) {
        Callback callback = changeable(request.getParameter("id"), viewer);
        callbacks().cancel(callback.id(), viewer.user(), CallbackForm.optional(request.getParameter("why")));
        return "Callback cancelled.";
    }

    private String feed(HttpServletRequest request, Viewer viewer) {
        CallbackFeeds service = feeds;
        if (service == null) {
            throw new IllegalStateException("the callback module is not running");
        }
        FeedOwner.Kind kind = "queue".equals(request.getParameter("kind")) ? FeedOwner.Kind.QUEUE : FeedOwner.Kind.AGENT;
        FeedOwner owner = new FeedOwner(kind, CallbackForm.required("feed owner", request.getParameter("name")));
        if (!viewer.manager() && !owner.equals(new FeedOwner(FeedOwner.Kind.AGENT, viewer.user()))) {
            throw new SecurityException("an agent manages only their own feed");
        }
        if ("revoke".equals(request.getParameter("action"))) {
            return service.revoke(owner, viewer.user()) ? "Feed address revoked: it answers nothing now."
                    : "There was no feed address to revoke.";
        }
        String root = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        return "New feed address (shown once; the old one stops working): "
                + FeedServlet.address(root, service.issue(owner, viewer.user()));
    }

    private static void page(HttpServletResponse response, int status, String message) throws IOException {
        PageAnswers.html(response, status, CallbacksPage.message(message));
    }
}

package org.callscore.notify.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import javax.servlet.http.Part;

import org.callscore.notify.Campaign;
import org.callscore.notify.CampaignProgress;
import org.callscore.notify.Campaigns;
import org.callscore.notify.DoNotCallList;
import org.callscore.notify.ImportFormat;
import org.callscore.notify.ImportReport;
import org.callscore.notify.ResultPage;
import org.callscore.site.SiteZone;
import org.callscore.support.export.Csv;
import org.callscore.support.export.Table;
import org.callscore.support.export.Xlsx;
import org.callscore.support.text.LogText;
import org.callscore.support.web.DashboardRoles;
import org.callscore.support.web.DashboardSession;
import org.callscore.support.web.FormFlash;
import org.callscore.support.web.PageAnswers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The notification campaigns in the dashboard's context, behind its login:
 * <ul>
 * <li>{@code GET /notifications}: every campaign with its progress, and the new-campaign form;</li>
 * <li>{@code GET /notifications/campaign?id=ID&state=&outcome=&page=}: one campaign, its live progress bar, its
 * operating buttons, the import form and the result table (filters in the address);</li>
 * <li>{@code GET /notifications/progress.json?id=ID}: the progress bar's figures;</li>
 * <li>{@code GET /notifications/results.csv} and {@code results.xlsx}, same parameters as the campaign page: every
 * matching number;</li>
 * <li>{@code GET /notifications/do-not-call}: the do-not-call list;</li>
 * <li>{@code POST /notifications/create}, {@code import} (multipart), {@code start}, {@code pause},
 * {@code resume}, {@code stop}, {@code do-not-call/add}, {@code do-not-call/remove}: each with the session's
 * token, only for an operator role, and back (303) to the page with what happened.</li>
 * </ul>
 * Readers (the report roles) see everything; only operators change anything.
 */
@Component(immediate = true, service = Servlet.class, configurationPid = NotificationsServlet.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {
                HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + NotificationsServlet.PATH,
                HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + NotificationsServlet.PATH + "/*",
                HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=callscore-notify-pages",
                HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_ENABLED + ":Boolean=true",
                HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_MULTIPART_MAXFILESIZE + ":Long="
                        + NotificationsServlet.MOST_FILE_BYTES,
                DashboardSession.CONTEXT_SELECT })
@Designate(ocd = NotificationsServlet.Config.class)
public class NotificationsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationsServlet.class);
    private static final JsonFactory JSON = new JsonFactory();

    static final String PID = "org.callscore.notify.web";
    static final String PATH = "/notifications";
    /** the largest customer file taken: about a million rows of CSV */
    static final long MOST_FILE_BYTES = 64L * 1024 * 1024;
    private static final FormFlash FLASH = new FormFlash("org.callscore.notify.web.flash");
    private static final String REPORT = "org.callscore.notify.web.import";
    /** this bundle's own files under /web/, by path, with their types */
    private static final Map<String, String> RESOURCES = Map.of("/notify.css", "text/css;charset=UTF-8",
            "/notify.js", "text/javascript;charset=UTF-8");

    @ObjectClassDefinition(name = "CallScore notification pages",
            description = "The notification campaigns and the do-not-call list on the dashboard")
    public @interface Config {

        @AttributeDefinition(name = "Operator roles",
                description = "Roles (comma-separated) whose users create, import, start, pause, resume and stop "
                        + "campaigns and change the do-not-call list")
        String operator_roles() default DashboardRoles.ADMIN + "," + DashboardRoles.NOTIFY_OPERATOR;

        @AttributeDefinition(name = "Reader roles",
                description = "Roles (comma-separated) whose users see the campaigns, their results and the "
                        + "do-not-call list")
        String reader_roles() default DashboardRoles.ADMIN + "," + DashboardRoles.MANAGER + ","
                + DashboardRoles.NOTIFY_OPERATOR;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Campaigns campaigns;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DoNotCallList doNotCall;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SiteZone siteZone;

    private final Set<String> operatorRoles;
    private final Set<String> readerRoles;

    @Activate
    public NotificationsServlet(Config config) {
        this.operatorRoles = DashboardSession.configuredRoles(config.operator_roles());
        this.readerRoles = DashboardSession.configuredRoles(config.reader_roles());
    }


    /** Who is asking, and whether they may operate. */
    private record Viewer(String user, boolean reader, boolean operator) {
    }

    private Viewer viewer(HttpSession session) {
        String user = DashboardSession.user(session).orElseThrow(() -> new SecurityException("not logged in"));
        Set<String> roles = DashboardSession.roles(session);
        boolean operator = !Collections.disjoint(roles, operatorRoles);
        return new Viewer(user, operator || !Collections.disjoint(roles, readerRoles), operator);
    }

    private ZoneId zone() {
        return SiteZone.of(siteZone);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String resourceType = RESOURCES.get(path);
        if (resourceType != null) {
            PageAnswers.resource(response, NotificationsServlet.class, path.substring(1), resourceType);
            return;
        }
        HttpSession session = request.getSession(true);
        Viewer viewer = viewer(session);
        if (!viewer.reader()) {
            page(response, HttpServletResponse.SC_FORBIDDEN, "The notification campaigns need one of the roles "
                    + String.join(", ", readerRoles.stream().sorted().toList()) + ".");
            return;
        }
        Campaigns service = campaigns;
        DoNotCallList list = doNotCall;
        if (service == null || list == null) {
            page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The notify module is not running.");
            return;
        }
        try {
            switch (path) {
                case "", "/" -> {
                    html(response, HttpServletResponse.SC_OK, pages(request, session, viewer).campaigns(service.list()
                            .stream().map(c -> new NotificationsPage.Listed(c, service.progress(c.id()))).toList()));
                    LOG.info("Notification pages: {} looked at the campaigns", LogText.of(viewer.user()));
                }
                case "/campaign" -> campaign(request, response, service, session, viewer);
                case "/progress.json" -> progress(request, response, service);
                case "/results.csv", "/results.xlsx" -> export(request, response, service, viewer,
                        path.endsWith(".xlsx"));
                case "/do-not-call" -> {
                    html(response, HttpServletResponse.SC_OK, pages(request, session, viewer).doNotCall(list.list()));
                    LOG.info("Notification pages: {} looked at the do-not-call list", LogText.of(viewer.user()));
                }
                default -> page(response, HttpServletResponse.SC_NOT_FOUND, "No such page.");
            }
        } catch (NoSuchElementException | IllegalArgumentException e) {
            page(response, e instanceof NoSuchElementException ? HttpServletResponse.SC_NOT_FOUND
                    : HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Notification pages: {} could not be answered for {}: {}", LogText.of(path),
                    LogText.of(viewer.user()), LogText.of(e.toString()));
            if (!response.isCommitted()) {
                page(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The campaigns cannot be read just now: "
                        + e.getMessage());
            }
        }
    }

    /** The pages, with what the last form did: shown once, so taken out of the session. */
    private NotificationsPage pages(HttpServletRequest request, HttpSession session, Viewer viewer) {
        return new NotificationsPage(request.getContextPath(), DashboardSession.csrfToken(session), viewer.user(),
                viewer.operator(), zone(), FLASH.take(session));
    }

    private static Campaign campaignOf(Campaigns service, String id) {
        String campaignId = id == null ? "" : id.strip();
        if (campaignId.isEmpty()) {
            throw new IllegalArgumentException("id: which campaign is needed");
        }
        return service.find(campaignId).orElseThrow(() -> new NoSuchElementException("No campaign " + campaignId
                + "."));
    }

    private void campaign(HttpServletRequest request, HttpServletResponse response, Campaigns service,
            HttpSession session, Viewer viewer) throws IOException {
        Campaign campaign = campaignOf(service, request.getParameter("id"));
        ResultFilters filters = ResultFilters.of(request::getParameter);
        ResultPage results = service.results(campaign.id(), filters.query());
        Object report = session.getAttribute(REPORT);
        session.removeAttribute(REPORT);
        html(response, HttpServletResponse.SC_OK, pages(request, session, viewer).campaign(campaign,
                service.progress(campaign.id()), filters, results,
                report instanceof ImportReport imported ? Optional.of(imported) : Optional.empty()));
        LOG.info("Notification pages: {} looked at campaign {} ({} numbers shown)", LogText.of(viewer.user()),
                LogText.of(campaign.name()), results.rows().size());
    }

    private static void progress(HttpServletRequest request, HttpServletResponse response, Campaigns service)
            throws IOException {
        Campaign campaign = campaignOf(service, request.getParameter("id"));
        CampaignProgress progress = service.progress(campaign.id());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("id", campaign.id());
            json.writeStringField("state", campaign.state().name());
            json.writeNumberField("total", progress.total());
            json.writeNumberField("done", progress.done());
            json.writeNumberField("inFlight", progress.inFlight());
            json.writeNumberField("waiting", progress.waiting());
            json.writeNumberField("failed", progress.failed());
            json.writeEndObject();
        }
        PageAnswers.write(response, HttpServletResponse.SC_OK, "application/json;charset=UTF-8", bytes.toByteArray());
    }

    private void export(HttpServletRequest request, HttpServletResponse response, Campaigns service, Viewer viewer,
            boolean xlsx) throws IOException {
        Campaign campaign = campaignOf(service, request.getParameter("id"));
        ResultFilters filters = ResultFilters.of(request::getParameter);
        Table table = ResultTable.of(campaign, filters.everyPage(query -> service.results(campaign.id(), query)),
                zone());
        response.setHeader("Content-Disposition", "attachment; filename=\"callscore-campaign-" + campaign.name()
                + (xlsx ? ".xlsx\"" : ".csv\""));
        if (xlsx) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(Xlsx.CONTENT_TYPE);
            Xlsx.write(table, response.getOutputStream());
        } else {
            PageAnswers.write(response, HttpServletResponse.SC_OK, "text/csv;charset=UTF-8",
                    Csv.of(table).getBytes(StandardCharsets.UTF_8));
        }
        LOG.info("Notification pages: {} exported the results of campaign {} ({} numbers)",
                LogText.of(viewer.user()), LogText.of(campaign.name()), table.rows().size());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        HttpSession session = request.getSession(false);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String token;
        try {
            token = request.getParameter(DashboardSession.CSRF_FIELD);
        } catch (IllegalStateException tooLarge) {
            page(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The file is larger than "
                    + MOST_FILE_BYTES / (1024 * 1024) + " MB: nothing was imported.");
            return;
        }
        if (!DashboardSession.validToken(session, token)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "missing or wrong form token");
            return;
        }
        Viewer viewer = viewer(session);
        if (!viewer.operator()) {
            LOG.warn("Notification pages: {} was refused {}: no operator role", LogText.of(viewer.user()),
                    LogText.of(path));
            page(response, HttpServletResponse.SC_FORBIDDEN, "Operating campaigns needs the role " + DashboardRoles.NOTIFY_OPERATOR
                    + ".");
            return;
        }
        String id = request.getParameter("id") == null ? "" : request.getParameter("id").strip();
        String back = id.isEmpty() ? "" : "/campaign?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        String message;
        try {
            message = switch (path) {
                case "/create" -> {
                    Campaign created = campaigns().create(new CampaignForm(request::getParameter).definition(),
                            viewer.user());
                    back = "/campaign?id=" + URLEncoder.encode(created.id(), StandardCharsets.UTF_8);
                    LOG.info("Notification pages: {} created campaign {}", LogText.of(viewer.user()),
                            LogText.of(created.name()));
                    yield "Campaign " + created.name() + " created: import its customers, then start it.";
                }
                case "/import" -> importCustomers(request, session, viewer, id);
                case "/start" -> changed(campaigns().start(id, viewer.user()), "started", viewer);
                case "/pause" -> changed(campaigns().pause(id, viewer.user()), "paused", viewer);
                case "/resume" -> changed(campaigns().resume(id, viewer.user()), "resumed", viewer);
                case "/stop" -> changed(campaigns().stop(id, viewer.user()), "stopped", viewer);
                case "/do-not-call/add" -> {
                    back = "/do-not-call";
                    yield addToDoNotCall(request, viewer);
                }
                case "/do-not-call/remove" -> {
                    back = "/do-not-call";
                    String number = required(request.getParameter("number"), "Number");
                    boolean removed = doNotCall().remove(number, viewer.user());
                    LOG.info("Notification pages: {} removed {} from the do-not-call list", LogText.of(viewer.user()),
                            LogText.of(NotificationsPage.masked(number)));
                    yield removed ? number + " may be called again." : number + " was not on the list.";
                }
                default -> throw new NoSuchElementException("no such form: " + path);
            };
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            message = "Not done: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("Notification pages: {}'s {} failed: {}", LogText.of(viewer.user()), LogText.of(path),
                    LogText.of(e.toString()));
            message = "Not done, try again: " + e.getMessage();
        }
        FLASH.seeOther(session, response, message, request.getContextPath() + PATH + back);
    }

    private Campaigns campaigns() {
        Campaigns service = campaigns;
        if (service == null) {
            throw new IllegalStateException("the notify module is not running");
        }
        return service;
    }

    private DoNotCallList doNotCall() {
        DoNotCallList list = doNotCall;
        if (list == null) {
            throw new IllegalStateException("the notify module is not running");
        }
        return list;
    }

    private static String required(String value, String label) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(label + " is needed");
        }
        return text;
    }

    private static String changed(Campaign campaign, String how, Viewer viewer) {
        LOG.info("Notification pages: {} {} campaign {}", LogText.of(viewer.user()), how, LogText.of(campaign.name()));
        return "Campaign " + campaign.name() + " " + how + ".";
    }

    private String importCustomers(HttpServletRequest request, HttpSession session, Viewer viewer, String id)
            throws IOException {
        Part file;
        try {
            file = request.getPart("file");
        } catch (ServletException e) {
            throw new IllegalArgumentException("the form was not sent as a file upload");
        }
        if (file == null || file.getSubmittedFileName() == null || file.getSubmittedFileName().isBlank()) {
            throw new IllegalArgumentException("choose a CSV or XLSX file of customers");
        }
        ImportFormat format = ImportFormat.ofFileName(file.getSubmittedFileName());
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = campaigns().importCustomers(id, format, in, viewer.user());
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("the file could not be read: " + e.getMessage());
        } finally {
            file.delete();
        }
        session.setAttribute(REPORT, report);
        LOG.info("Notification pages: {} imported {} into campaign {}: {} added, {} bad rows, {} duplicates, {} on "
                + "the do-not-call list", LogText.of(viewer.user()), LogText.of(file.getSubmittedFileName()),
                LogText.of(id), report.added(), report.bad().size(), report.duplicates().size(),
                report.doNotCall().size());
        return "Imported " + file.getSubmittedFileName() + ": " + report.added() + " added, " + report.bad().size()
                + " bad rows, " + report.duplicates().size() + " duplicates merged, " + report.doNotCall().size()
                + " skipped as do-not-call.";
    }

    private String addToDoNotCall(HttpServletRequest request, Viewer viewer) {
        String number = required(request.getParameter("number"), "Number");
        String reason = request.getParameter("reason") == null ? "" : request.getParameter("reason").strip();
        var entry = doNotCall().add(number, reason, viewer.user());
        LOG.info("Notification pages: {} added {} to the do-not-call list", LogText.of(viewer.user()),
                LogText.of(NotificationsPage.masked(entry.number())));
        return entry.number() + " is on the do-not-call list.";
    }

    private static void page(HttpServletResponse response, int status, String message) throws IOException {
        html(response, status, NotificationsPage.message(message));
    }

    private static void html(HttpServletResponse response, int status, String html) throws IOException {
        PageAnswers.write(response, status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }
}

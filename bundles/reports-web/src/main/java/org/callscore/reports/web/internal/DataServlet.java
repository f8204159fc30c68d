package org.callscore.reports.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.callscore.reports.IngestionStatus;
import org.callscore.reports.ServiceReports;
import org.callscore.reports.web.internal.ReportTables.Report;
import org.callscore.scoring.SurveyScores;
import org.callscore.support.export.Csv;
import org.callscore.support.export.Xlsx;
import org.callscore.support.text.LogText;
import org.callscore.support.web.DashboardServlet;
import org.callscore.support.web.DashboardSession;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API ({@code GET /api/NAME}) and the export ({@code GET /export/NAME.csv}, {@code .xlsx}) of every
 * report in {@link Report}, plus {@code GET /api/status}. Either module may be missing: its reports answer 503.
 */
@Component(immediate = true, service = Servlet.class)
@DashboardServlet(servlet_pattern = {"/api/*", "/export/*"}, servlet_name = "callscore-reports-data")
public class DataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DataServlet.class);
    static final String JSON = "application/json;charset=UTF-8";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceReports reports;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SurveyScores scores;

    private final transient ReportTables tables;

    public DataServlet() {
        tables = new ReportTables(() -> reports, () -> scores, Clock.systemDefaultZone());
    }

    DataServlet(ReportTables tables) {
        this.tables = tables;
    }

    @Override
    public void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            answer(request, response);
        } catch (RuntimeException e) {
            String message = Failures.logged("GET " + request.getRequestURI(), e);
            if (!response.isCommitted()) { // else the client gets a cut file; the log has why
                response.reset();
                error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, message, null);
            }
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        boolean export = "/export".equals(request.getServletPath());
        String name = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        String format = "json";
        if (export) {
            int dot = name.lastIndexOf('.');
            format = dot < 0 ? "" : name.substring(dot + 1);
            name = dot < 0 ? name : name.substring(0, dot);
            if (!format.equals("csv") && !format.equals("xlsx")) {
                error(response, HttpServletResponse.SC_NOT_FOUND, "export as NAME.csv or NAME.xlsx", null);
                return;
            }
        } else if (name.equals("status")) {
            status(request, response);
            return;
        }
        Optional<Report> report = Report.named(name);
        if (report.isEmpty()) {
            error(response, HttpServletResponse.SC_NOT_FOUND, "no report '" + name + "'; reports: "
                    + Arrays.stream(Report.values()).map(Parameters::key).toList(), null);
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) { // the server could not decode the query (e.g. %zz)
            error(response, HttpServletResponse.SC_BAD_REQUEST, "the query is not percent-encoded UTF-8", null);
            return;
        }
        ReportTables.Result result;
        try {
            result = tables.table(report.get(), parameters);
        } catch (BadParameter e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), e.parameter());
            return;
        } catch (ReportTables.Unavailable e) {
            if (e.getCause() != null) { // the database's words stay in the log
                LOG.warn("Reports web: {} answered 503: {}", LogText.of(request.getRequestURI()),
                        LogText.of(String.valueOf(e.getCause().getMessage())));
            }
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage(), null);
            return;
        }
        switch (format) {
            case "json" -> send(response, HttpServletResponse.SC_OK, Json.of(result));
            case "csv" -> {
                download(response, "text/csv;charset=UTF-8", result, "csv");
                response.getOutputStream().write(Csv.of(result.table()).getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                download(response, Xlsx.CONTENT_TYPE, result, "xlsx");
                Xlsx.write(result.table(), response.getOutputStream());
            }
        }
    }

    private void status(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServiceReports service = reports;
        send(response, HttpServletResponse.SC_OK, Json.of(json -> {
            json.writeStartObject();
            json.writeStringField("user", DashboardSession.user(request.getSession(false)).orElse(null));
            json.writeBooleanField("reports", service != null);
            json.writeBooleanField("surveys", scores != null);
            if (service != null) {
                IngestionStatus status = service.status();
                ZoneId zone = service.siteZone();
                json.writeStringField("siteZone", zone.getId());
                json.writeStringField("source", status.source());
                json.writeNumberField("lastId", status.lastId());
                json.writeNumberField("openCalls", status.openCalls());
                json.writeFieldName("lastRun");
                Json.cell(json, status.lastRun().map(run -> ReportTables.local(run, zone)).orElse(null));
                json.writeStringField("problem", status.problem().orElse(null));
                if (status.rebuildProgress().isPresent()) {
                    json.writeFieldName("rebuildProgress");
                    Json.cell(json, status.rebuildProgress().get());
                }
            }
            json.writeEndObject();
        }));
    }

    private static void download(HttpServletResponse response, String type, ReportTables.Result result,
            String extension) {
        Map<String, Object> query = result.query();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type);
        // the name is built from checked dates and a fixed report name only
        response.setHeader("Content-Disposition", "attachment; filename=\"callscore-" + result.table().name() + "-"
                + query.get("from") + "-to-" + query.get("to") + "." + extension + "\"");
    }

    /** Answers {"error": message, "parameter": name} with the status. */
    static void error(HttpServletResponse response, int status, String message, String parameter)
            throws IOException {
        send(response, status, Json.of(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            if (parameter != null) {
                json.writeStringField("parameter", parameter);
            }
            json.writeEndObject();
        }));
    }

    private static void send(HttpServletResponse response, int status, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.setContentType(JSON);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}

package org.callscore.reports.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.callscore.support.text.LogText;
import org.callscore.reports.IngestionStatus;
import org.callscore.reports.ServiceReports;
import org.callscore.reports.web.internal.ReportTables.Report;
import org.callscore.scoring.SurveyScores;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API ({@code GET /api/NAME}) and the export ({@code GET /export/NAME.csv}, {@code .xlsx}) of every
 * report in {@link Report}, plus {@code GET /api/status}. Either module may be missing: its reports answer 503.
 */
@Component(immediate = true, service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/api/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/export/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=callscore-reports-data",
        WebContext.SELECT })
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
            case "json" -> send(response, HttpServletResponse.SC_OK, json(result));
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

    /** {"query": {...}, "columns": [{"key", "header"}], "rows": [{key: cell}]} */
    static String json(ReportTables.Result result) {
        JsonWriter json = new JsonWriter().beginObject().name("query").beginObject();
        result.query().forEach((key, value) -> json.name(key).cell(value));
        json.endObject().name("columns").beginArray();
        List<Table.Column> columns = result.table().columns();
        columns.forEach(column -> json.beginObject().name("key").value(column.key()).name("header")
                .value(column.header()).endObject());
        json.endArray().name("rows").beginArray();
        for (List<Object> row : result.table().rows()) {
            json.beginObject();
            for (int i = 0; i < columns.size(); i++) {
                json.name(columns.get(i).key()).cell(row.get(i));
            }
            json.endObject();
        }
        return json.endArray().endObject().toString();
    }

    private void status(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonWriter json = new JsonWriter().beginObject()
                .name("user").value(WebSession.user(request.getSession(false)).orElse(null))
                .name("reports").value(reports != null)
                .name("surveys").value(scores != null);
        ServiceReports service = reports;
        if (service != null) {
            IngestionStatus status = service.status();
            json.name("siteZone").value(service.siteZone().getId())
                    .name("source").value(status.source())
                    .name("lastId").value(status.lastId())
                    .name("openCalls").value(status.openCalls())
                    .name("lastRun").value(status.lastRun().map(Object::toString).orElse(null))
                    .name("problem").value(status.problem().orElse(null));
            status.rebuildProgress().ifPresent(progress -> json.name("rebuildProgress").value(progress));
        }
        send(response, HttpServletResponse.SC_OK, json.endObject().toString());
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
        JsonWriter json = new JsonWriter().beginObject().name("error").value(message);
        if (parameter != null) {
            json.name("parameter").value(parameter);
        }
        send(response, status, json.endObject().toString());
    }

    private static void send(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType(JSON);
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}

package org.callscore.reports.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.callscore.support.web.DashboardServlet;
import org.callscore.support.web.DashboardSession;
import org.osgi.service.component.annotations.Component;

/**
 * The dashboard's files, from the bundle's {@code web/} folder: the page at {@code /} (with the user's name and
 * the session's form token filled in), its script and style sheets. Only the files listed here are served.
 */
@Component(immediate = true, service = Servlet.class)
@DashboardServlet(servlet_pattern = "/", servlet_name = "callscore-reports-pages")
public class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** path to content type; the page itself is {@code /} */
    static final Map<String, String> FILES = Map.of(
            "/dashboard.js", "text/javascript;charset=UTF-8",
            "/charts.js", "text/javascript;charset=UTF-8",
            "/dashboard.css", "text/css;charset=UTF-8",
            WebSession.LOGIN_CSS, "text/css;charset=UTF-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = WebContext.path(request);
        byte[] body;
        String type;
        if (path.equals("/") || path.equals("/index.html")) {
            String page = Html.fill(Html.text("index.html"), Map.of(
                    "user", DashboardSession.user(request.getSession(false)).orElse(""),
                    "csrf", DashboardSession.csrfToken(request.getSession(true)),
                    "context", request.getContextPath()));
            body = page.getBytes(StandardCharsets.UTF_8);
            type = "text/html;charset=UTF-8";
        } else if (FILES.containsKey(path)) {
            body = Html.resource(path.substring(1));
            type = FILES.get(path);
        } else {
            body = null;
            type = null;
        }
        if (body == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

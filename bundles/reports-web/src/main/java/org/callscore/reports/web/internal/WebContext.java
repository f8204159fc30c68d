package org.callscore.reports.web.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.callscore.support.web.DashboardSession;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The web context of the reports ({@code /callscore} unless configured otherwise with
 * {@code osgi.http.whiteboard.context.path}): every servlet of this bundle is in it, and it lets a request
 * through only with a logged-in session, and the reports only to a user with a report role (see
 * {@link WebSession#access}). It also sets the headers every answer
 * carries: no framing, no sniffing, no referrer, and a content security policy allowing only this server's own
 * scripts, styles and audio (the recordings' players).
 */
@Component(immediate = true, service = ServletContextHelper.class, configurationPid = WebConfig.PID, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + WebContext.NAME,
        HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH + "=" + WebContext.DEFAULT_PATH })
public class WebContext extends ServletContextHelper {

    static final String NAME = "org.callscore.reports.web";
    static final String DEFAULT_PATH = "/callscore";
    /** The property that puts a servlet into this context. */
    static final String SELECT = HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT + "=("
            + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + NAME + ")";

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Set<String> reportRoles;

    @Activate
    public WebContext(BundleContext context, WebConfig config) {
        super(context.getBundle());
        this.reportRoles = DashboardSession.configuredRoles(config.report_roles());
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        switch (WebSession.access(path(request), request.getSession(false), reportRoles)) {
            case ALLOW:
                return true;
            case CALLBACKS_PAGE:
                response.sendRedirect(request.getContextPath() + WebSession.CALLBACKS);
                return false;
            case FORBIDDEN:
                DataServlet.error(response, HttpServletResponse.SC_FORBIDDEN, "this user may not see the reports", null);
                return false;
            case LOGIN_PAGE:
                // the page asked for is opened once logged in: the callbacks, the figures, the recordings, a report
                String next = WebSession.pageAsked(path(request), request.getQueryString());
                response.sendRedirect(request.getContextPath() + WebSession.LOGIN + (next.isEmpty() ? ""
                        : "?" + WebSession.NEXT_FIELD + "=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
                return false;
            default:
                DataServlet.error(response, HttpServletResponse.SC_UNAUTHORIZED, "log in first: POST "
                        + request.getContextPath() + WebSession.LOGIN, null);
                return false;
        }
    }

    /** @return the path inside the context, decoded and normalised by the server: {@code /api/service} */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }
}

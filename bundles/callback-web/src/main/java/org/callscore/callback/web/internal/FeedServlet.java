package org.callscore.callback.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.callscore.callback.CallbackFeeds;
import org.callscore.support.text.LogText;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar feeds, {@code GET /callscore-feeds/SECRET.ics}: outside the dashboard's login (a calendar client
 * cannot log in), so the secret in the address is the only key. An unknown or revoked secret answers 404 like any
 * missing page, and the refusal is logged with the client's address, never the secret.
 */
@Component(immediate = true, service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=" + FeedServlet.PATH + "/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=callscore-callback-feeds" })
public class FeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FeedServlet.class);

    /** Where the feeds are, in the web server's default context. */
    static final String PATH = "/callscore-feeds";
    static final String SUFFIX = ".ics";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CallbackFeeds feeds;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        CallbackFeeds current = feeds;
        if (current == null) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the callback module is not running");
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String secret = path.startsWith("/") && path.endsWith(SUFFIX)
                ? path.substring(1, path.length() - SUFFIX.length()) : "";
        Optional<String> calendar;
        try {
            calendar = current.calendar(secret);
        } catch (RuntimeException e) {
            LOG.warn("Callback feeds: a feed asked for from {} could not be read: {}", LogText.of(request.getRemoteAddr()),
                    LogText.of(e.toString()));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the callbacks cannot be read just now");
            return;
        }
        if (calendar.isEmpty()) {
            LOG.warn("Callback feeds: refused a feed asked for from {}: unknown or revoked address",
                    LogText.of(request.getRemoteAddr()));
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = calendar.get().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/calendar;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** @return the feed's address under the web server's root, e.g. {@code http://host:8181} */
    static String address(String root, String secret) {
        return root + PATH + "/" + secret + SUFFIX;
    }
}

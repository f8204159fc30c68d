package org.callscore.reports.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * What the web session holds: the logged-in user, and a per-session random token that every form posting to the
 * server carries (CSRF). A request without a logged-in session may reach the login page and its style sheet
 * only; others are sent to the login page, or, for the API and the export, answered 401.
 */
final class WebSession {

    static final String USER = "org.callscore.reports.web.user";
    static final String CSRF = "org.callscore.reports.web.csrf";
    /** The form field (and request header) that carries the token. */
    static final String CSRF_FIELD = "csrf";

    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    static final String LOGIN_CSS = "/login.css";

    /** The login form's field that carries the dashboard's filters through the login. */
    static final String FILTERS_FIELD = "filters";

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The dashboard's filters as they may travel through the login into a redirect: a percent-encoded query string
     * only (no line breaks, spaces or quotes), so it can change neither the path nor the headers.
     */
    private static final Pattern FILTERS = Pattern.compile("[A-Za-z0-9._~%&=+:,-]{1,2000}");

    /** What a request may do. */
    enum Access {
        /** serve it */
        ALLOW,
        /** redirect to the login page */
        LOGIN_PAGE,
        /** answer 401: a program (API, export) without a session */
        UNAUTHORIZED
    }

    private WebSession() {
    }

    /**
     * @param path the request's path inside the context (servlet path and path info), e.g. {@code /api/service}
     * @param session the request's session, if it has one
     */
    static Access access(String path, HttpSession session) {
        if (path.equals(LOGIN) || path.equals(LOGIN_CSS) || user(session).isPresent()) {
            return Access.ALLOW;
        }
        return path.startsWith("/api/") || path.startsWith("/export/") ? Access.UNAUTHORIZED : Access.LOGIN_PAGE;
    }

    /**
     * @param path  the request's path inside the context
     * @param query the request's query string, or null
     * @return the dashboard's filters when {@code path} is the dashboard and its query is one that may travel
     *         through the login (a copied report URL shows the same report after the login), else empty
     */
    static String dashboardFilters(String path, String query) {
        return path.equals("/") || path.equals("/index.html") ? filters(query) : "";
    }

    /** @return the filters, if they are a plain percent-encoded query string, else empty */
    static String filters(String query) {
        return query != null && FILTERS.matcher(query).matches() ? query : "";
    }

    /** @return where a login or the login page sends a logged-in user: the dashboard, with these filters */
    static String dashboard(String filters) {
        String checked = filters(filters);
        return checked.isEmpty() ? "/" : "/?" + checked;
    }

    /** @return the user logged in to this session, if any */
    static Optional<String> user(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((String) session.getAttribute(USER));
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /** @return the session's token, made on first use */
    static String csrfToken(HttpSession session) {
        synchronized (session) {
            String token = (String) session.getAttribute(CSRF);
            if (token == null) {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                session.setAttribute(CSRF, token);
            }
            return token;
        }
    }

    /** @return whether {@code given} is the session's token (compared in constant time) */
    static boolean validToken(HttpSession session, String given) {
        if (session == null || given == null) {
            return false;
        }
        String token;
        try {
            token = (String) session.getAttribute(CSRF);
        } catch (IllegalStateException invalidated) {
            return false;
        }
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Logs the user in to a new session: the session the login form came with is dropped, so an id an attacker
     * planted before the login is worth nothing after it (session fixation).
     *
     * @return the new session, with the user and a new token
     */
    static HttpSession logIn(HttpServletRequest request, String user, int timeoutSeconds) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            try {
                old.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing to drop
            }
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(timeoutSeconds);
        session.setAttribute(USER, user);
        csrfToken(session);
        return session;
    }

    /** Ends the session, if there is one. */
    static void logOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // already ended
            }
        }
    }
}

package org.callscore.reports.web.internal;

import java.util.Collections;
import java.util.Set;
import java.util.regex.Pattern;

import javax.servlet.http.HttpSession;

import org.callscore.support.web.DashboardSession;

/**
 * Who may reach what: the session itself (the logged-in user, their roles, the form token) is
 * {@link DashboardSession}, shared with the other bundles whose pages join the dashboard. A request without a
 * logged-in session may reach the login page and its style sheet only; others are sent to the login page, or, for
 * the API and the export, answered 401.
 */
final class WebSession {

    /** The form field (and request header) that carries the token. */
    static final String CSRF_FIELD = DashboardSession.CSRF_FIELD;

    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    static final String LOGIN_CSS = "/login.css";
    /** The callback pages (the callback web bundle's), open to agents who may not see the reports. */
    static final String CALLBACKS = "/callbacks";

    /** The login form's field that carries the dashboard's filters through the login. */
    static final String FILTERS_FIELD = "filters";

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
        /** redirect to the callback pages: the dashboard of a user who may not see the reports */
        CALLBACKS_PAGE,
        /** answer 403: a user who may not see the reports */
        FORBIDDEN,
        /** answer 401: a program (API, export) without a session */
        UNAUTHORIZED
    }

    private WebSession() {
    }

    /**
     * @param path        the request's path inside the context (servlet path and path info), e.g. {@code /api/service}
     * @param session     the request's session, if it has one
     * @param reportRoles the roles that may see the reports; other logged-in users reach the callback pages only
     */
    static Access access(String path, HttpSession session, Set<String> reportRoles) {
        if (path.equals(LOGIN) || path.equals(LOGIN_CSS)) {
            return Access.ALLOW;
        }
        if (DashboardSession.user(session).isEmpty()) {
            return path.startsWith("/api/") || path.startsWith("/export/") ? Access.UNAUTHORIZED : Access.LOGIN_PAGE;
        }
        if (!Collections.disjoint(DashboardSession.roles(session), reportRoles) || path.equals(LOGOUT)
                || path.equals(CALLBACKS) || path.startsWith(CALLBACKS + "/")) {
            return Access.ALLOW;
        }
        return path.equals("/") || path.equals("/index.html") ? Access.CALLBACKS_PAGE : Access.FORBIDDEN;
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

}

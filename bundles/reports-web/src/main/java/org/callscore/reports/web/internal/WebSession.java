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

    /** The login form's field (and the login page's parameter) that carries the page first asked for. */
    static final String NEXT_FIELD = "next";

    private static final int NEXT_LENGTH = 2000;

    /**
     * A page of this site as it may travel through the login into a redirect: a path inside the dashboard's context
     * (one leading {@code /}, plain segments: no {@code //}, {@code \}, {@code %} or {@code ..}), then a
     * percent-encoded query; no line break, space or quote. It can leave neither the site nor the headers.
     */
    private static final Pattern NEXT = Pattern.compile(
            "/(?:[A-Za-z0-9_~:,+=&-][A-Za-z0-9._~:,+=&-]*(?:/[A-Za-z0-9_~:,+=&-][A-Za-z0-9._~:,+=&-]*)*/?)?"
                    + "(?:\\?[A-Za-z0-9._~%&=+:,/-]*)?");

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
     * @param path  the request's path inside the context, e.g. {@code /callbacks/figures}
     * @param query the request's query string, or null
     * @return the page (path and query) a request sent to the login page asked for, to open once logged in; empty
     *         when it cannot travel through the login (see {@link #afterLogin}) or is the dashboard as it opens
     */
    static String pageAsked(String path, String query) {
        String page = query == null || query.isEmpty() ? path : path + "?" + query;
        return page.equals("/") || afterLogin(page).equals("/") ? "" : page;
    }

    /**
     * @param next the page the login came with, or null
     * @return where a login or the login page sends a logged-in user: that page when it is one of this site's
     *         (never another site: no open redirect), else the dashboard
     */
    static String afterLogin(String next) {
        if (next == null || next.length() > NEXT_LENGTH || !NEXT.matcher(next).matches()) {
            return "/";
        }
        String path = next.split("\\?", 2)[0];
        boolean loginItself = path.equals(LOGIN) || path.equals(LOGOUT) || path.equals(LOGIN_CSS);
        return loginItself || path.startsWith("/api/") || path.startsWith("/export/") ? "/" : next;
    }

}

package org.callscore.support.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * The dashboard's login session, shared by every bundle whose pages join the dashboard's servlet context
 * ({@link #CONTEXT_SELECT}): the logged-in user, their roles, and a per-session random token that every form
 * posting to the server carries (CSRF). The reports web bundle logs users in and out; the others only read it.
 */
public final class DashboardSession {

    /** The dashboard's servlet context (the reports web bundle's), by name. */
    public static final String CONTEXT_NAME = "org.callscore.reports.web";
    /** The whiteboard property that puts a servlet into the dashboard's context, behind its login. */
    public static final String CONTEXT_SELECT = "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name="
            + CONTEXT_NAME + ")";
    /** The form field (and request header) that carries the token. */
    public static final String CSRF_FIELD = "csrf";

    static final String USER = "org.callscore.reports.web.user";
    static final String ROLES = "org.callscore.reports.web.roles";
    static final String CSRF = "org.callscore.reports.web.csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DashboardSession() {
    }

    /** @return the user logged in to this session, if any */
    public static Optional<String> user(HttpSession session) {
        return Optional.ofNullable(attribute(session, USER, String.class));
    }

    /** @return the roles a comma-separated setting names (such as {@code manager.roles}), blanks left out */
    public static Set<String> configuredRoles(String setting) {
        return Arrays.stream(setting.split(",")).map(String::trim).filter(role -> !role.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @return the realm's roles of the user logged in to this session; empty when none is */
    @SuppressWarnings("unchecked")
    public static Set<String> roles(HttpSession session) {
        Set<String> roles = attribute(session, ROLES, Set.class);
        return roles == null || user(session).isEmpty() ? Set.of() : roles;
    }

    /** @return the session's token, made on first use */
    public static String csrfToken(HttpSession session) {
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
    public static boolean validToken(HttpSession session, String given) {
        if (given == null) {
            return false;
        }
        String token = attribute(session, CSRF, String.class);
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Logs the user in to a new session: the session the login form came with is dropped, so an id an attacker
     * planted before the login is worth nothing after it (session fixation).
     *
     * @return the new session, with the user, their roles and a new token
     */
    public static HttpSession logIn(HttpServletRequest request, String user, Set<String> roles, int timeoutSeconds) {
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
        session.setAttribute(ROLES, Set.copyOf(roles));
        csrfToken(session);
        return session;
    }

    /** Ends the session, if there is one. */
    public static void logOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // already ended
            }
        }
    }

    private static <T> T attribute(HttpSession session, String name, Class<T> type) {
        if (session == null) {
            return null;
        }
        try {
            Object value = session.getAttribute(name);
            return type.isInstance(value) ? type.cast(value) : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}

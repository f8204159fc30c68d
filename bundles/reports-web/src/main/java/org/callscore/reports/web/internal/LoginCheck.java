package org.callscore.reports.web.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.login.LoginException;

import org.callscore.agi.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a login: the realm must accept the user and password, and the user must have one of the allowed roles.
 * A refusal says nothing of which part was wrong, comes after a delay (to slow down guessing), and is logged with
 * the user name and address but never the password. The password array is cleared afterwards.
 */
final class LoginCheck {

    private static final Logger LOG = LoggerFactory.getLogger(LoginCheck.class);
    static final int MAX_USER_LENGTH = 200;

    /** Waits; a test passes one that does not. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Authenticator authenticator;
    private final Set<String> allowedRoles;
    private final Duration failureDelay;
    private final Sleeper sleeper;

    LoginCheck(Authenticator authenticator, Set<String> allowedRoles, Duration failureDelay, Sleeper sleeper) {
        this.authenticator = authenticator;
        this.allowedRoles = Collections.unmodifiableSet(new TreeSet<>(allowedRoles));
        this.failureDelay = failureDelay;
        this.sleeper = sleeper;
    }

    /**
     * @param user     the user name given
     * @param password the password given; cleared before this returns
     * @param from     the client's address, for the log
     * @return the user, when let in
     */
    Optional<String> check(String user, char[] password, String from) {
        try {
            String refusal = refusal(user, password);
            if (refusal == null) {
                LOG.info("Reports web: {} logged in from {}", LogText.of(user), from);
                return Optional.of(user);
            }
            LOG.warn("Reports web: login refused for user '{}' from {}: {}", LogText.of(user), from, refusal);
        } finally {
            Arrays.fill(password, '\0');
        }
        try {
            sleeper.sleep(failureDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** @return why the user may not log in (for the log only), or null when they may */
    private String refusal(String user, char[] password) {
        if (user == null || user.isBlank() || user.length() > MAX_USER_LENGTH || password.length == 0) {
            return "user name or password missing or too long";
        }
        Set<String> roles;
        try {
            roles = authenticator.login(user, password);
        } catch (LoginException e) {
            return "realm refused: " + LogText.of(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Reports web: the login realm failed", e);
            return "realm failed: " + LogText.of(e.toString());
        }
        if (Collections.disjoint(roles, allowedRoles)) {
            return "none of the roles " + allowedRoles + " (has " + roles + ")";
        }
        return null;
    }
}

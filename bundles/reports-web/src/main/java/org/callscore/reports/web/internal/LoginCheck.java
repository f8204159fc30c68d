package org.callscore.reports.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.login.LoginException;

import org.callscore.support.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a login: the user and the address must not be locked out ({@link LoginThrottle}), the realm must accept
 * the user and password, and the user must have one of the allowed roles. A refusal says nothing of which part was
 * wrong (only a lock-out says so), comes after a delay (to slow down guessing), and is logged with the user name
 * and address but never the password. The password array is cleared afterwards.
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
    private final LoginThrottle throttle;

    /** What became of a login, and the user's roles when it succeeded. */
    record Login(Outcome outcome, Set<String> roles) {
    }

    /** What became of a login. */
    enum Outcome {
        LOGGED_IN,
        /** wrong user name or password, or no allowed role */
        REFUSED,
        /** too many failures for this user or from this address: refused whatever the password */
        LOCKED_OUT
    }

    LoginCheck(Authenticator authenticator, Set<String> allowedRoles, Duration failureDelay, Sleeper sleeper,
            LoginThrottle throttle) {
        this.authenticator = authenticator;
        this.allowedRoles = Collections.unmodifiableSet(new TreeSet<>(allowedRoles));
        this.failureDelay = failureDelay;
        this.sleeper = sleeper;
        this.throttle = throttle;
    }

    Duration lockDuration() {
        return throttle.lockDuration();
    }

    /**
     * @param user     the user name given
     * @param password the password given; cleared before this returns
     * @param from     the client's address
     */
    Login check(String user, char[] password, String from) {
        Outcome outcome = Outcome.REFUSED;
        try {
            Optional<Instant> locked = throttle.lockedUntil(user, from);
            if (locked.isPresent()) {
                outcome = Outcome.LOCKED_OUT;
                LOG.warn("Reports web: login refused for user '{}' from {}: locked out until {} after too many failed "
                        + "logins", LogText.of(user), LogText.of(from), locked.get());
            } else {
                Set<String> roles = new TreeSet<>();
                String refusal = refusal(user, password, roles);
                if (refusal == null) {
                    throttle.succeeded(user);
                    LOG.info("Reports web: {} logged in from {}", LogText.of(user), LogText.of(from));
                    return new Login(Outcome.LOGGED_IN, Set.copyOf(roles));
                }
                LOG.warn("Reports web: login refused for user '{}' from {}: {}", LogText.of(user), LogText.of(from),
                        refusal);
                // an over-long name is not kept: a flood of them must not fill the memory
                String name = user == null || user.length() > MAX_USER_LENGTH ? "" : user;
                for (LoginThrottle.Lock lock : throttle.failed(name, from)) {
                    LOG.warn("Reports web: {} locked out until {} after {} failed logins in a row (the last for user "
                            + "'{}' from {})", LogText.of(lock.what()), lock.until(), lock.failures(), LogText.of(user),
                            LogText.of(from));
                }
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        try {
            sleeper.sleep(failureDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Login(outcome, Set.of());
    }

    /**
     * @param roles gets the user's roles from the realm
     * @return why the user may not log in (for the log only), or null when they may
     */
    private String refusal(String user, char[] password, Set<String> roles) {
        if (user == null || user.isBlank() || user.length() > MAX_USER_LENGTH || password.length == 0) {
            return "user name or password missing or too long";
        }
        try {
            roles.addAll(authenticator.login(user, password));
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

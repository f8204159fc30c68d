package org.callscore.reports.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing down to a few guesses an hour: a user name with {@code userFailures} refused logins in a
 * row, or an address with {@code addressFailures} (whatever the user names), is locked out for {@code lock}; while
 * locked, every login of that user or from that address is refused without asking the realm, the right password
 * too. A run of failures ends with a successful login of that user (an address's does not end: one good account
 * must not open guessing of others) or when no failure came for {@code lock}. Both by name and by address, because
 * guessing comes as one address trying many users and as many addresses trying one. 0 turns one of them off.
 * <p>
 * Kept in memory by the login servlet, for at most {@code maxTracked} names and addresses each (the oldest that
 * are not locked go first), so a flood of invented names cannot fill the memory; a restart of the bundle forgets it.
 */
final class LoginThrottle {

    static final int MAX_TRACKED = 10_000;

    /** A lock that began with the last failure, for the log. */
    record Lock(String what, int failures, Instant until) {
    }

    private static final class Run {
        int failures;
        Instant last;
        Instant lockedUntil;
    }

    private final int userFailures;
    private final int addressFailures;
    private final Duration lock;
    private final Clock clock;
    private final int maxTracked;
    private final Map<String, Run> users = new LinkedHashMap<>();
    private final Map<String, Run> addresses = new LinkedHashMap<>();

    LoginThrottle(int userFailures, int addressFailures, Duration lock, Clock clock) {
        this(userFailures, addressFailures, lock, clock, MAX_TRACKED);
    }

    LoginThrottle(int userFailures, int addressFailures, Duration lock, Clock clock, int maxTracked) {
        this.userFailures = Math.max(0, userFailures);
        this.addressFailures = Math.max(0, addressFailures);
        this.lock = lock;
        this.clock = clock;
        this.maxTracked = maxTracked;
    }

    Duration lockDuration() {
        return lock;
    }

    /** @return until when this user or this address is locked out, the later of the two, if either is */
    synchronized Optional<Instant> lockedUntil(String user, String address) {
        Instant now = clock.instant();
        Optional<Instant> byUser = locked(users.get(user), now);
        Optional<Instant> byAddress = locked(addresses.get(address), now);
        if (byUser.isPresent() && byAddress.isPresent()) {
            return Optional.of(byUser.get().isAfter(byAddress.get()) ? byUser.get() : byAddress.get());
        }
        return byUser.isPresent() ? byUser : byAddress;
    }

    /** Counts a refused login; @return the locks it began */
    synchronized List<Lock> failed(String user, String address) {
        Instant now = clock.instant();
        List<Lock> begun = new ArrayList<>();
        count(users, userFailures, user, "user '" + user + "'", now).ifPresent(begun::add);
        count(addresses, addressFailures, address, "address " + address, now).ifPresent(begun::add);
        return begun;
    }

    /** A successful login ends the user's run of failures. */
    synchronized void succeeded(String user) {
        users.remove(user);
    }

    /** @return how many user names are tracked (for the tests) */
    synchronized int tracked() {
        return users.size();
    }

    private static Optional<Instant> locked(Run run, Instant now) {
        return run != null && run.lockedUntil != null && now.isBefore(run.lockedUntil) ? Optional.of(run.lockedUntil)
                : Optional.empty();
    }

    private Optional<Lock> count(Map<String, Run> runs, int limit, String key, String what, Instant now) {
        if (limit == 0 || key == null || key.isEmpty()) {
            return Optional.empty();
        }
        Run run = runs.remove(key); // and put back last: the map is oldest first
        if (run == null || expired(run, now)) {
            run = new Run();
        }
        runs.put(key, run);
        run.failures++;
        run.last = now;
        Optional<Lock> begun = Optional.empty();
        if (run.failures >= limit) {
            run.lockedUntil = now.plus(lock);
            begun = Optional.of(new Lock(what, run.failures, run.lockedUntil));
            run.failures = 0;
        }
        trim(runs, now);
        return begun;
    }

    /** A run whose last failure is a lock's length ago, and that is not locked, no longer counts. */
    private boolean expired(Run run, Instant now) {
        return locked(run, now).isEmpty() && !run.last.plus(lock).isAfter(now);
    }

    private void trim(Map<String, Run> runs, Instant now) {
        if (runs.size() <= maxTracked) {
            return;
        }
        runs.values().removeIf(run -> expired(run, now));
        for (Iterator<Run> oldest = runs.values().iterator(); runs.size() > maxTracked && oldest.hasNext();) {
            if (locked(oldest.next(), now).isEmpty()) {
                oldest.remove();
            }
        }
    }
}

package org.callscore.fastagi.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AGI applications registered as services, by name. When two services claim a name, the one with the
 * higher service ranking (then the older one) serves it, as OSGi orders services everywhere else.
 * <p>
 * A name whose last service went moments ago (a module being updated or restarted) is remembered, so that a
 * call asking for it can wait for its return ({@link #awaitReturn}) instead of failing in the gap.
 */
final class ApplicationRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationRegistry.class);

    static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private record Registration(String name, long serviceId, int ranking, AgiScript application) {
    }

    private static final Comparator<Registration> PREFERRED = Comparator
            .comparingInt(Registration::ranking).reversed()
            .thenComparingLong(Registration::serviceId);

    private final Map<String, List<Registration>> byName = new ConcurrentHashMap<>();
    /** Names already reported missing; cleared when such an application appears. */
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();
    /** Names whose last service went, with what happened to the calls that asked for them since; guarded by this. */
    private final Map<String, Gap> gaps = new java.util.HashMap<>();
    private boolean closed; // guarded by this

    /** An application's absence, and the calls held for it meanwhile. */
    private static final class Gap {
        final long goneAt = System.nanoTime();
        int holding; // held now
        int held; // held since it went
        boolean failureReported;
    }

    void add(String name, long serviceId, int ranking, AgiScript application) {
        byName.compute(name, (key, list) -> {
            List<Registration> registrations = list == null ? new CopyOnWriteArrayList<>() : list;
            registrations.add(new Registration(name, serviceId, ranking, application));
            registrations.sort(PREFERRED);
            return registrations;
        });
        reportedMissing.remove(name);
        synchronized (this) {
            Gap gap = gaps.remove(name);
            if (gap != null && gap.held > 0) {
                // one line per gap: how many calls waited, and the gap bounds how long
                LOG.info("AGI application '{}' is back after {}; {} call(s) waiting for it are served now{}", name,
                        seconds(System.nanoTime() - gap.goneAt), gap.holding, gap.held == gap.holding ? ""
                                : ", " + (gap.held - gap.holding) + " gave up earlier (application.wait.seconds)");
            }
            notifyAll(); // the calls held for this name
        }
    }

    void remove(String name, long serviceId) {
        List<Registration> left = byName.computeIfPresent(name, (key, list) -> {
            list.removeIf(r -> r.serviceId() == serviceId);
            return list.isEmpty() ? null : list;
        });
        if (left == null) {
            synchronized (this) {
                gaps.putIfAbsent(name, new Gap());
            }
        }
    }

    /**
     * The application for a name that is missing now: if its last service went less than {@code returnWindow}
     * ago, waits up to {@code maxWait} for one to register (woken by {@link #add}, no polling).
     *
     * @return the application, or empty when the name did not go lately, did not come back in time, or the
     *         server is stopping
     */
    Optional<AgiScript> awaitReturn(String name, Duration returnWindow, Duration maxWait) throws InterruptedException {
        long arrived = System.nanoTime();
        synchronized (this) {
            Optional<AgiScript> application = find(name);
            Gap gap = gaps.get(name);
            if (application.isPresent() || closed || gap == null || maxWait.isZero()
                    || arrived - gap.goneAt >= returnWindow.toNanos()) {
                return application;
            }
            gap.holding++;
            gap.held++;
            try {
                long deadline = arrived + maxWait.toNanos();
                for (long left = maxWait.toNanos(); application.isEmpty() && !closed && left > 0;
                        left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                    application = find(name);
                }
            } finally {
                gap.holding--;
            }
            if (application.isEmpty() && !gap.failureReported) {
                gap.failureReported = true; // once per gap, not per call
                if (closed) {
                    LOG.info("FastAGI server stopping: calls held for AGI application '{}' get AGISTATUS=FAILURE",
                            name);
                } else {
                    LOG.warn("AGI application '{}' did not come back within {} (application.wait.seconds); calls "
                            + "held for it get AGISTATUS=FAILURE", name, seconds(maxWait.toNanos()));
                }
            }
            return application;
        }
    }

    /** Calls held now for a name that went. */
    synchronized int holding(String name) {
        Gap gap = gaps.get(name);
        return gap == null ? 0 : gap.holding;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** Wakes every held call to fail: the server that holds them is stopping or being reconfigured. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    Optional<AgiScript> find(String name) {
        List<Registration> registrations = byName.get(name);
        if (registrations == null) {
            return Optional.empty();
        }
        // an iterator, not isEmpty() then get(0): the list is emptied in place when the last service goes
        return registrations.stream().findFirst().map(Registration::application);
    }

    /** @return true the first time a missing name is asked for, so it is logged once, not per call */
    boolean firstMiss(String name) {
        if (reportedMissing.size() > 1000) {
            reportedMissing.clear(); // names come from dialplans; this only bounds a misconfigured one
        }
        return reportedMissing.add(name);
    }

    int registrationsOf(String name) {
        List<Registration> registrations = byName.get(name);
        return registrations == null ? 0 : registrations.size();
    }

    SortedSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }
}

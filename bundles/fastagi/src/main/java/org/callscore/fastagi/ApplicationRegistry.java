package org.callscore.fastagi;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiScript;

/**
 * The AGI applications registered as services, by name. When two services claim a name, the one with the
 * higher service ranking (then the older one) serves it, as OSGi orders services everywhere else.
 */
final class ApplicationRegistry {

    static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private record Registration(String name, long serviceId, int ranking, AgiScript application) {
    }

    private static final Comparator<Registration> PREFERRED = Comparator
            .comparingInt(Registration::ranking).reversed()
            .thenComparingLong(Registration::serviceId);

    private final Map<String, List<Registration>> byName = new ConcurrentHashMap<>();
    /** Names already reported missing; cleared when such an application appears. */
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    void add(String name, long serviceId, int ranking, AgiScript application) {
        byName.compute(name, (key, list) -> {
            List<Registration> registrations = list == null ? new CopyOnWriteArrayList<>() : list;
            registrations.add(new Registration(name, serviceId, ranking, application));
            registrations.sort(PREFERRED);
            return registrations;
        });
        reportedMissing.remove(name);
    }

    void remove(String name, long serviceId) {
        byName.computeIfPresent(name, (key, list) -> {
            list.removeIf(r -> r.serviceId() == serviceId);
            return list.isEmpty() ? null : list;
        });
    }

    Optional<AgiScript> find(String name) {
        List<Registration> registrations = byName.get(name);
        if (registrations == null || registrations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(registrations.get(0).application());
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

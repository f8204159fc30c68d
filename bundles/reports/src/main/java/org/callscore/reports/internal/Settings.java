package org.callscore.reports.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration the reports are computed with (PID {@code org.callscore.reports}, and the site's zone).
 *
 * @param siteZone            the zone days, weeks, months and years are cut in by default
 * @param pbxZone             the zone of the DATETIME values Asterisk writes into queue_log and cdr
 * @param serviceLevelSeconds the service-level threshold X of queues not in {@code serviceLevelPerQueue}
 * @param serviceLevelPerQueue per queue, its own X
 * @param shortAbandonSeconds abandons after a shorter wait are short abandons
 * @param fcrWindow           a caller calling again within this window makes the earlier call unresolved
 * @param wrapupSeconds       wrap-up time added to each answered call's talk time, for queues not listed below
 * @param wrapupPerQueue      per queue, its own wrap-up time
 * @param hotlineNumbers      the CDR dst values that are the hotline; empty: every first leg
 * @param solvedQuestion      the survey question id whose yes-no answer says the problem was solved
 */
record Settings(ZoneId siteZone, ZoneId pbxZone, int serviceLevelSeconds, Map<String, Integer> serviceLevelPerQueue,
        int shortAbandonSeconds, Duration fcrWindow, int wrapupSeconds, Map<String, Integer> wrapupPerQueue,
        Set<String> hotlineNumbers, String solvedQuestion) {

    Settings {
        serviceLevelPerQueue = Map.copyOf(serviceLevelPerQueue);
        wrapupPerQueue = Map.copyOf(wrapupPerQueue);
        hotlineNumbers = Set.copyOf(hotlineNumbers);
    }

    Settings withSiteZone(ZoneId zone) {
        return new Settings(zone, pbxZone, serviceLevelSeconds, serviceLevelPerQueue, shortAbandonSeconds, fcrWindow,
                wrapupSeconds, wrapupPerQueue, hotlineNumbers, solvedQuestion);
    }

    int serviceLevel(String queue) {
        return serviceLevelPerQueue.getOrDefault(queue, serviceLevelSeconds);
    }

    int wrapup(String queue) {
        return wrapupPerQueue.getOrDefault(queue, wrapupSeconds);
    }

    /** @return the settings the stored sums depend on: when it changes, the sums must be rebuilt */
    String aggregationKey() {
        return "site.zone=" + siteZone.getId() + ";pbx.zone=" + pbxZone.getId() + ";sl=" + serviceLevelSeconds
                + ";sl.queues=" + new TreeMap<>(serviceLevelPerQueue) + ";short=" + shortAbandonSeconds
                + ";fcr=" + fcrWindow.toHours();
    }

    /**
     * @param text {@code sales:15, support:30}
     * @return queue to seconds
     * @throws IllegalArgumentException naming the entry that is not {@code queue:seconds}
     */
    static Map<String, Integer> perQueue(String key, String text) {
        Map<String, Integer> seconds = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return seconds;
        }
        for (String entry : text.split(",")) {
            int colon = entry.lastIndexOf(':');
            try {
                if (colon <= 0) {
                    throw new NumberFormatException();
                }
                int value = Integer.parseInt(entry.substring(colon + 1).trim());
                if (value < 0) {
                    throw new NumberFormatException();
                }
                seconds.put(entry.substring(0, colon).trim(), value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": '" + entry.trim() + "' is not queue:seconds");
            }
        }
        return seconds;
    }
}

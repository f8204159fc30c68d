package org.callscore.support.definition;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sounds Asterisk answered it could not play, per survey or menu file: each is reported once, and the
 * console's listing names them all. Owned by the component that owns those files, so it lives as long as it.
 */
public final class MissingSounds {

    private final Map<String, Set<String>> byFile = new ConcurrentHashMap<>();

    /** @return true the first time this sound of this file is noted: the caller logs it then */
    public boolean add(String file, String sound) {
        return byFile.computeIfAbsent(file, name -> ConcurrentHashMap.newKeySet()).add(sound);
    }

    /** @return per file, the sounds noted so far */
    public SortedMap<String, SortedSet<String>> all() {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        byFile.forEach((file, sounds) -> copy.put(file, new TreeSet<>(sounds)));
        return copy;
    }

    /**
     * @param heading what the section says, e.g. why callers hear nothing
     * @return a console section naming every sound per file, or "" when there is none
     */
    public static String listing(String heading, Map<String, ? extends Set<String>> missing) {
        if (missing.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nSounds Asterisk could not play (").append(heading)
                .append("): install them on the Asterisk host or name others\n");
        new TreeMap<>(missing).forEach((file, sounds) -> out.append("  ").append(file).append(": ")
                .append(String.join(", ", new TreeSet<>(sounds))).append('\n'));
        return out.toString();
    }
}

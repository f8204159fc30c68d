package org.callscore.ivr;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.osgi.annotation.versioning.ProviderType;

/** The menu files and calendars administrators have written, as they stand now: a changed file is used by the next call. */
@ProviderType
public interface IvrCatalog {

    /** @return the menu tree of that name, if its file exists and has been read without error at least once */
    Optional<MenuTree> byName(String name);

    /** @return the names of the menu trees available */
    SortedSet<String> names();

    /** @return the calendars available ({@code NAME.ics}), by name */
    Map<String, BusinessHours.Calendar> calendars();

    /** @return the site's time zone, in which floating times and all-day events of the calendars are read */
    ZoneId zone();

    /**
     * @return file name to what is wrong with it, for files that could not be used; a file whose new version
     *         is broken keeps its last good version meanwhile
     */
    Map<String, String> problems();

    /**
     * Notes that Asterisk could not play a sound of a menu file (not installed on the Asterisk host, or misspelt).
     *
     * @return true the first time for this file and sound since the catalog started: the caller logs it then
     */
    default boolean soundMissing(String tree, String sound) {
        return true;
    }

    /** @return per menu file, the sounds Asterisk could not play since the catalog started */
    default Map<String, SortedSet<String>> missingSounds() {
        return Map.of();
    }
}

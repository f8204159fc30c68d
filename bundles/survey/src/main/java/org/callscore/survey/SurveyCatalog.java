package org.callscore.survey;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.osgi.annotation.versioning.ProviderType;

/** The surveys administrators have defined, as they stand now: a changed file is used by the next call. */
@ProviderType
public interface SurveyCatalog {

    /** @return the survey of that name, if its file exists and has been read without error at least once */
    Optional<SurveyDefinition> byName(String name);

    /** @return the survey that runs for a queue (the first by name when several list it) */
    Optional<SurveyDefinition> forQueue(String queue);

    /** @return the names of the surveys available */
    SortedSet<String> names();

    /**
     * @return file name to what is wrong with it, for files that could not be used; a survey whose new version
     *         is broken keeps its last good version meanwhile
     */
    Map<String, String> problems();

    /**
     * Notes that Asterisk could not play a sound of a survey (not installed on the Asterisk host, or misspelt).
     *
     * @return true the first time for this survey and sound since the catalog started: the caller logs it then
     */
    default boolean soundMissing(String survey, String sound) {
        return true;
    }

    /**
     * @return per survey, the sounds Asterisk could not play since the catalog started that its file still names
     */
    default Map<String, java.util.SortedSet<String>> missingSounds() {
        return Map.of();
    }
}

package org.callscore.survey;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where survey applications record what callers do, as they do it. No method waits for MariaDB to come
 * back: while it is down, events go to a durable journal and are written, in order and once, when it
 * answers again.
 */
@ProviderType
public interface SurveyResponses {

    /**
     * The module name of the survey's tables, as its bundle declares them ({@code ModuleSchema}) and as
     * {@code Database.isReady} and {@code callscore:status} name them.
     */
    String SCHEMA = "survey";

    /** Records that a survey was offered; the response is {@link ResponseStatus#IN_PROGRESS} until it ends. */
    void offered(SurveyOffer offer);

    /** Records one answer, at once: a caller who hangs up later keeps it. */
    void answered(SurveyAnswer answer);

    /**
     * Records how the response ended.
     *
     * @param comment where the caller's voice comment was recorded (a path on the Asterisk host), if any
     */
    void ended(String responseId, ResponseStatus status, Instant at, Optional<String> comment);

    /** @return events kept in the journal until MariaDB takes them */
    int pending();
}

package org.callscore.agi.survey;

import java.util.OptionalDouble;

import org.callscore.survey.SurveyDefinition;

/**
 * What the survey application tells about each response that ended, for the survey file's callback rule. A service
 * of this bundle only (its package is not exported): {@link SurveyCallbacks} provides it while the callback module
 * runs, so the application itself never touches the callback API, and a site without callbacks runs surveys as
 * before.
 */
public interface ClosingTheLoop {

    /**
     * Requests the callback the survey's rule calls for, if any; never throws.
     *
     * @param callerId the caller's number as Asterisk has it (agi_callerid), read only for this
     */
    void responseEnded(SurveyDefinition survey, String responseId, String callerId, String uniqueId,
            boolean complaint, OptionalDouble mean);
}

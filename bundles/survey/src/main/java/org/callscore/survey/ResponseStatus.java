package org.callscore.survey;

import java.util.Locale;

/** How a caller left a survey; stored in lower case in {@code survey_response.status}. */
public enum ResponseStatus {
    /** The survey is running, or the call ended in a way nobody saw (Karaf stopped mid-call). */
    IN_PROGRESS,
    /** Every question answered. */
    COMPLETED,
    /** Some questions answered: the caller hung up, or stayed silent or pressed invalid keys past the retries. */
    PARTIAL,
    /** The caller said no to the consent question. */
    DECLINED,
    /** Not one answer: the caller hung up first, or never pressed a valid key. */
    UNANSWERED;

    /** @return the value stored in the database and set in SURVEY_STATUS */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

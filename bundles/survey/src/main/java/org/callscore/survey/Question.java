package org.callscore.survey;


/**
 * One question of a survey.
 *
 * @param id                the question's stable identifier, kept with every answer
 * @param prompt            the Asterisk sound played, e.g. {@code callscore/q-attitude}
 * @param scale             which keys are valid answers
 * @param dimension         what it measures (a SERVQUAL or TCSI element, or a free tag); may be empty
 * @param retries           how many more times it is asked after an invalid key or silence
 * @param timeoutSeconds    how long the caller has to press a key after the prompt
 * @param complaintOnLowest whether the lowest score on this question flags the call as a complaint
 * @param complaintOnYes    whether "yes" on this yes/no question flags the call as a complaint (an explicit
 *                          "do you wish to complain?" question)
 */
public record Question(String id, String prompt, Scale scale, String dimension, int retries, int timeoutSeconds,
        boolean complaintOnLowest, boolean complaintOnYes) {

    /** @return whether this score on this question makes the call a complaint */
    public boolean isComplaint(int score) {
        return (complaintOnLowest && score == scale.min()) || (complaintOnYes && score == 1);
    }
}

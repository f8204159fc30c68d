package org.callscore.survey.internal;

/** A survey file cannot be used; the message names the survey and the key, for the administrator. */
public final class SurveyFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String survey;
    private final String key;

    public SurveyFileException(String survey, String key, String problem) {
        super("survey " + survey + ": " + key + " " + problem);
        this.survey = survey;
        this.key = key;
    }

    /** @return the survey's name */
    public String survey() {
        return survey;
    }

    /** @return the key at fault */
    public String key() {
        return key;
    }
}

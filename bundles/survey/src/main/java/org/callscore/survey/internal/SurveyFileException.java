package org.callscore.survey.internal;

import org.callscore.support.definition.DefinitionFileException;

/** A survey file cannot be used; the message names the survey and the key, for the administrator. */
public final class SurveyFileException extends DefinitionFileException {

    private static final long serialVersionUID = 1L;

    public SurveyFileException(String survey, String key, String problem) {
        super("survey " + survey, key, problem);
    }
}

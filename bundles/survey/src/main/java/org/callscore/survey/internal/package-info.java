/** The survey module's implementation; its tables are created by the files under db/migration. */
@ModuleSchema(SurveyResponses.SCHEMA)
package org.callscore.survey.internal;

import org.callscore.storage.ModuleSchema;
import org.callscore.survey.SurveyResponses;

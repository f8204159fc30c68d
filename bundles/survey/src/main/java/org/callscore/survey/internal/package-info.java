/** The survey module's implementation; its tables are created by the files under db/migration. */
@ModuleSchema("survey")
package org.callscore.survey.internal;

import org.callscore.storage.ModuleSchema;

/** The IVR module's implementation; its tables are created by the files under db/migration. */
@ModuleSchema(IvrVisits.SCHEMA)
package org.callscore.ivr.internal;

import org.callscore.ivr.IvrVisits;
import org.callscore.storage.ModuleSchema;

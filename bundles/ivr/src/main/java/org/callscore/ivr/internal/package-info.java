/** The IVR module's implementation; its tables are created by the files under db/migration. */
@ModuleSchema("ivr")
package org.callscore.ivr.internal;

import org.callscore.storage.ModuleSchema;

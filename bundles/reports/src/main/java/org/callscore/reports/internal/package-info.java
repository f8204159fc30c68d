/** The reports module's implementation; its tables are created by the files under db/migration. */
@ModuleSchema("reports")
package org.callscore.reports.internal;

import org.callscore.storage.ModuleSchema;

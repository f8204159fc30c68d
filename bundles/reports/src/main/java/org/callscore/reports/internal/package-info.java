/** The reports module's implementation; its tables are created by the files under db/migration. */
@ModuleSchema(ServiceReports.SCHEMA)
package org.callscore.reports.internal;

import org.callscore.reports.ServiceReports;
import org.callscore.storage.ModuleSchema;

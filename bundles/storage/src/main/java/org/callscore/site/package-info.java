/**
 * The site's settings every module shares: today its time zone, so that "today" means the same hours in the
 * IVR's business hours, the reports' days and the survey scores' periods.
 */
@Export
@Version("1.1.0")
package org.callscore.site;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * Voice menus as administrators write them: one file per menu tree, parsed and checked (bad references,
 * loops) so that a mistake is reported with the file and the key, never found by a caller; business hours
 * from iCalendar files; and the record of each caller's visit.
 */
@Export
@Version("1.2.0")
package org.callscore.ivr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

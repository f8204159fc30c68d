/**
 * Post-call survey definitions as administrators write them: one file per survey, parsed and checked so
 * that a mistake is reported with the file and the key, never found by a caller.
 */
@Export
@Version("2.1.0")
package org.callscore.survey;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

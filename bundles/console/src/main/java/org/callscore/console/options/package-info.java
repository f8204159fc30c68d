/** What CallScore's console commands share: reading their options. */
@Export
@Version("1.0.0")
package org.callscore.console.options;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

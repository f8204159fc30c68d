/**
 * Voice menus: the menu trees administrators write (one file per tree; the bundle parses and checks them for
 * bad references and loops, so that a mistake is reported with the file and the key, never found by a
 * caller), business hours from iCalendar files, and the record of each caller's visit. Models and services
 * only: the file readers are private to the bundle.
 */
@Export
@Version("2.0.0")
package org.callscore.ivr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

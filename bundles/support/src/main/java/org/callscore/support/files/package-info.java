/** A module's files under Karaf's folders. Embedded privately, never exported. */
package org.callscore.support.files;

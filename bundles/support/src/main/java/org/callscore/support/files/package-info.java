/**
 * A module's files under Karaf's folders, and writes that are on the disk when they return. Embedded
 * privately, never exported.
 */
package org.callscore.support.files;

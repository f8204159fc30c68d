/**
 * Reading the definition files administrators write (surveys, menus): settings, sound names and the sounds
 * Asterisk could not play. Embedded privately, never exported.
 */
package org.callscore.support.definition;

/**
 * What every AGI application reads of the call the same way. Only AGI applications copy it, so only they import
 * asterisk-java through it. Embedded privately, never exported.
 */
package org.callscore.support.agi;

/** The calendar periods scores and reports are cut into. Embedded privately, never exported. */
package org.callscore.support.period;

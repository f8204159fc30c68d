/** The console's text tables. Embedded privately, never exported. */
package org.callscore.support.table;

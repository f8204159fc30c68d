/** The option values CallScore's console commands share. Embedded privately, never exported. */
package org.callscore.support.options;

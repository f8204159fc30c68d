/** The shape CallScore's console commands share: the period options, the answer for a module not running. */
package org.callscore.support.command;

/**
 * The shape CallScore's console commands share: the period options, the answer for a module not running, the
 * section of the definition files a catalog refused.
 */
package org.callscore.support.command;

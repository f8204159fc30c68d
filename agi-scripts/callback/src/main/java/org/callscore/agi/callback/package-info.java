/** The callback AGI application: the caller asks to be called back, at a number and a time they confirm. */
package org.callscore.agi.callback;

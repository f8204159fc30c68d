/** The voicemail AGI application: a message left when nobody answered becomes a callback with the message. */
package org.callscore.agi.voicemail;

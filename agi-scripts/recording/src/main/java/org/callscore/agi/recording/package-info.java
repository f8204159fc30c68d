/** The recording AGI application: the dialplan's side of the recording index. */
package org.callscore.agi.recording;

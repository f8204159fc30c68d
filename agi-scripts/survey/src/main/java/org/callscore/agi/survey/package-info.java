/** The survey AGI application: the post-call survey a caller takes after the agent hangs up. */
package org.callscore.agi.survey;

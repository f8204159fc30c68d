/** Text helpers: log-safe text and the version (hash) of a stored text. Embedded privately, never exported. */
package org.callscore.support.text;

/**
 * Text helpers: log-safe text, customer numbers masked for logs and lists, and the version (hash) of a stored text.
 * Embedded privately, never exported.
 */
package org.callscore.support.text;

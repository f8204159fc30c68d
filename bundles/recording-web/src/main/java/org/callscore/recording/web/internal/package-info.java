/** The recordings on the dashboard: the search page, the player and its byte ranges, the access log. */
package org.callscore.recording.web.internal;

/** The callbacks on the dashboard (the agent page and the callback form) and the calendar feeds' addresses. */
package org.callscore.callback.web.internal;

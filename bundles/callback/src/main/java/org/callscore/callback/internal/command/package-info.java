/** The callback:* console commands: list, request, move, cancel, close and the history of callbacks. */
package org.callscore.callback.internal.command;

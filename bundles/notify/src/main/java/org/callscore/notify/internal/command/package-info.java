/** The {@code notify:*} and {@code report:notifications} console commands. */
package org.callscore.notify.internal.command;

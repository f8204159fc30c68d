/**
 * Callbacks: a customer's request to be called back (why, when, in the customer's own time zone), its history,
 * the attempts CallScore makes to place the call through Asterisk, and the calendar feeds that remind agents.
 * Models and services only; the callback module is the only reader of its tables.
 */
@Export
@Version("1.1.0")
package org.callscore.callback;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

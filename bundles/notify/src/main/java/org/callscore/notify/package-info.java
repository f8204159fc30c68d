/**
 * Notification campaigns: a recorded notice or an Asterisk sound played to a list of customers called within a
 * window of days and daily hours in each customer's zone, with retries per outcome, answering-machine handling,
 * optional keys (repeat, reach an agent, opt out), each number's outcome, and the do-not-call list. Models and
 * services only; the notify module is the only reader of its tables.
 */
@Export
@Version("1.0.0")
package org.callscore.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

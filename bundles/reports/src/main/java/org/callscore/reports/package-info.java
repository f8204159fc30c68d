/**
 * Service-level reports of Asterisk queues for managers: calls offered, answered, abandoned, timed out and
 * exited by key, answer and abandon rates, service level (two named definitions), ASA, waits, talk and handle
 * time, busy rate from the CDR, first-call resolution, complaint rate and the survey indices, per queue, agent
 * or calendar period in the site's time zone. {@link org.callscore.reports.ServiceSummary} defines every figure.
 */
@Export
@Version("2.0.0")
package org.callscore.reports;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

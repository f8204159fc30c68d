/** The callback figures of the reports: requested, reached, given up, time to reach, on time, N-day closure. */
package org.callscore.callback.internal.figures;

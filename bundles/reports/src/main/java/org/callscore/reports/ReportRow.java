package org.callscore.reports;

import java.util.Objects;

/**
 * One row of a service report.
 *
 * @param group   the group key, as described in {@link ReportQuery}
 * @param summary the figures of the calls in that group
 */
public record ReportRow(String group, ServiceSummary summary) {

    public ReportRow {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(summary, "summary");
    }
}

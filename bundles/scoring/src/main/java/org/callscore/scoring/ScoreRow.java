package org.callscore.scoring;

import java.util.Objects;

/**
 * One row of a score report.
 *
 * @param group   the group key, as described in {@link ScoreQuery}
 * @param summary the scores of the responses and answers in that group
 */
public record ScoreRow(String group, ScoreSummary summary) {

    public ScoreRow {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(summary, "summary");
    }
}

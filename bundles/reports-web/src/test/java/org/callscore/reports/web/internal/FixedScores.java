package org.callscore.reports.web.internal;

import java.util.ArrayList;
import java.util.List;

import org.callscore.scoring.LowScoredResponse;
import org.callscore.scoring.ScoreQuery;
import org.callscore.scoring.ScoreRow;
import org.callscore.scoring.SurveyScores;
import org.callscore.scoring.YesNoAnswer;

/** The survey's read side as the dashboard's tests need it: the score rows it is given, and what it was asked. */
final class FixedScores implements SurveyScores {

    final List<ScoreQuery> queries = new ArrayList<>();
    private final List<ScoreRow> rows;

    FixedScores(ScoreRow... rows) {
        this.rows = List.of(rows);
    }

    @Override
    public List<ScoreRow> scores(ScoreQuery query) {
        queries.add(query);
        return rows;
    }

    @Override
    public List<YesNoAnswer> yesNoAnswers(ScoreQuery query, String questionId) {
        return List.of();
    }

    @Override
    public List<LowScoredResponse> lowScored(ScoreQuery query, double maxMean, int limit) {
        return List.of();
    }
}

package org.callscore.scoring.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.callscore.scoring.ScoreRow;
import org.callscore.scoring.ScoreSummary;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    private static final OptionalDouble NONE = OptionalDouble.empty();

    private static OptionalDouble of(double value) {
        return OptionalDouble.of(value);
    }

    @Test
    void printsOneLinePerGroupThenTheDimensionIndices() {
        TreeMap<String, Double> sales = new TreeMap<>();
        sales.put("resolution", 62.5);
        sales.put("attitude", 87.5);
        ScoreSummary salesSummary = new ScoreSummary(12, 9, 1, 1, 1, 0, of(0.75), 20, of(4.125), of(0.9),
                of(0.7), 8, of(37.5), 10, 1, of(0.1), sales);
        ScoreSummary declinedOnly = new ScoreSummary(2, 0, 0, 2, 0, 0, of(0), 0, NONE, NONE, NONE, 0, NONE, 0, 0,
                NONE, new TreeMap<>());

        String text = ResultsTable.render("Surveys, by queue",
                List.of(new ScoreRow("(none)", declinedOnly), new ScoreRow("sales-hotline", salesSummary)));

        assertThat(text).startsWith(String.join("\n",
                "Surveys, by queue",
                "Group          Offered Completed  Resp.%  Mean Satisf.%  CSAT%    NPS  Compl.%",
                "(none)               2         0     0.0     -        -      -      -        -",
                "sales-hotline       12         9    75.0  4.13     90.0   70.0   37.5     10.0",
                "",
                "Group         Dimension             Index",
                "sales-hotline attitude               87.5",
                "              resolution             62.5",
                "",
                "Resp.%   completed surveys / surveys offered",
                ""));
        assertThat(text).contains("CSAT%    1-5 answers of 4 or 5 (top-2-box) / 1-5 answers");
    }

    @Test
    void saysSoWhenNothingMatches() {
        assertThat(ResultsTable.render("Surveys", List.of())).isEqualTo("Surveys\nNo survey responses match.\n");
    }

    @Test
    void leavesOutTheDimensionTableWhenNoQuestionHasADimension() {
        ScoreSummary summary = new ScoreSummary(1, 1, 0, 0, 0, 0, of(1), 1, of(5), of(1), of(1), 0, NONE, 1, 0,
                of(0), new TreeMap<>());

        assertThat(ResultsTable.render("t", List.of(new ScoreRow("all", summary)))).doesNotContain("Dimension");
    }
}

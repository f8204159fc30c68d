package org.callscore.scoring.internal.command;

import static org.callscore.support.table.TextTable.number;
import static org.callscore.support.table.TextTable.percent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.callscore.scoring.ScoreRow;
import org.callscore.scoring.ScoreSummary;
import org.callscore.support.table.TextTable;

/** The text of {@code survey:results}: one line per group, then the dimension indices, then what the columns mean. */
final class ResultsTable {

    private static final String ROW = "%-{w}s %8s %9s %7s %5s %8s %6s %6s %8s%n";
    private static final String DIMENSION_ROW = "%-{w}s %-20s %6s%n";

    private ResultsTable() {
    }

    /**
     * @param title what the report covers, printed first
     * @param rows  the report, in the order to print
     */
    static String render(String title, List<ScoreRow> rows) {
        StringBuilder out = new StringBuilder(title).append(System.lineSeparator());
        if (rows.isEmpty()) {
            return out.append("No survey responses match.").append(System.lineSeparator()).toString();
        }
        List<String> groups = rows.stream().map(ScoreRow::group).toList();
        String row = TextTable.row(ROW, "Group", groups);
        out.append(String.format(Locale.ROOT, row, "Group", "Offered", "Completed", "Resp.%", "Mean", "Satisf.%",
                "CSAT%", "NPS", "Compl.%"));
        for (ScoreRow score : rows) {
            ScoreSummary s = score.summary();
            out.append(String.format(Locale.ROOT, row, score.group(), s.offered(), s.completed(),
                    percent(s.responseRate()), number(s.meanScore(), 2), percent(s.satisfaction()),
                    percent(s.csat()), number(s.nps(), 1), percent(s.complaintRate())));
        }
        if (rows.stream().anyMatch(score -> !score.summary().dimensionIndex().isEmpty())) {
            String dimensionRow = TextTable.row(DIMENSION_ROW, "Group", groups);
            out.append(System.lineSeparator())
                    .append(String.format(Locale.ROOT, dimensionRow, "Group", "Dimension", "Index"));
            for (ScoreRow score : rows) {
                String group = score.group();
                for (Map.Entry<String, Double> index : score.summary().dimensionIndex().entrySet()) {
                    out.append(String.format(Locale.ROOT, dimensionRow, group, index.getKey(),
                            number(OptionalDouble.of(index.getValue()), 1)));
                    group = ""; // the group once, on its first dimension
                }
            }
        }
        return out.append(System.lineSeparator()).append(LEGEND).toString();
    }

    private static final String LEGEND = String.join(System.lineSeparator(),
            "Resp.%   completed surveys / surveys offered",
            "Mean     mean of the 1-5 answers",
            "Satisf.% 1-5 answers of 3, 4 or 5 (neutral or better) / 1-5 answers",
            "CSAT%    1-5 answers of 4 or 5 (top-2-box) / 1-5 answers",
            "NPS      % of 0-10 answers of 9-10 minus % of 0-10 answers of 0-6",
            "Compl.%  surveys with a complaint / surveys with at least one answer",
            "Index    mean of the dimension's answers rescaled to 0-100",
            "-        nothing to divide by",
            "");
}

package org.callscore.scoring.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.callscore.scoring.GroupBy;
import org.callscore.scoring.ScoreRow;

/** One {@link ScoreTally} per group: puts each response, or each of its answers, into its group. */
final class ScoreBoard {

    private final GroupBy by;
    private final ZoneId zone;
    private final SortedMap<String, ScoreTally> tallies = new TreeMap<>();

    ScoreBoard(GroupBy by, ZoneId zone) {
        this.by = by;
        this.zone = zone;
    }

    void add(StoredResponse response) {
        if (!GroupKeys.byAnswer(by)) {
            add(GroupKeys.of(response, by, zone), response.status(), response.answers());
            return;
        }
        // a response counts once in each group it has answers in, with those answers only
        Map<String, List<StoredResponse.Answer>> groups = new LinkedHashMap<>();
        for (StoredResponse.Answer answer : response.answers()) {
            groups.computeIfAbsent(GroupKeys.of(answer, by), g -> new ArrayList<>()).add(answer);
        }
        groups.forEach((group, answers) -> add(group, response.status(), answers));
    }

    private void add(String group, String status, List<StoredResponse.Answer> answers) {
        ScoreTally tally = tallies.computeIfAbsent(group, g -> new ScoreTally());
        tally.addResponse(status, !answers.isEmpty(), answers.stream().anyMatch(StoredResponse.Answer::complaint));
        for (StoredResponse.Answer answer : answers) {
            tally.addAnswer(answer.scale(), answer.dimension(), answer.score());
        }
    }

    /** @return one row per group seen, sorted by group key */
    List<ScoreRow> rows() {
        List<ScoreRow> rows = new ArrayList<>();
        tallies.forEach((group, tally) -> rows.add(new ScoreRow(group, tally.summary())));
        return rows;
    }
}

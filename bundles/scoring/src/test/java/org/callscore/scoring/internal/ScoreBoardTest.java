package org.callscore.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.callscore.scoring.GroupBy;
import org.callscore.scoring.ScoreRow;
import org.callscore.scoring.ScoreSummary;
import org.junit.jupiter.api.Test;

class ScoreBoardTest {

    private static final Instant NOON = Instant.parse("2026-11-24T12:00:00Z");

    private static StoredResponse.Answer answer(String question, String dimension, int score, boolean complaint) {
        return new StoredResponse.Answer(question, "FIVE_POINT", dimension, score, complaint);
    }

    private static StoredResponse response(String id, String queue, String status, StoredResponse.Answer... answers) {
        return new StoredResponse(id, "after-call", queue, null, status, NOON, List.of(answers));
    }

    /** Two answered responses, one with a complaint on q2, and one declined. */
    private static List<StoredResponse> responses() {
        return List.of(
                response("r1", "sales", "completed",
                        answer("q1", "attitude", 5, false), answer("q2", "resolution", 1, true)),
                response("r2", "", "partial", answer("q1", "attitude", 3, false)),
                response("r3", null, "declined"));
    }

    private static Map<String, ScoreSummary> board(GroupBy by) {
        ScoreBoard board = new ScoreBoard(by, ZoneId.of("UTC"));
        responses().forEach(board::add);
        List<ScoreRow> rows = board.rows();
        assertThat(rows).extracting(ScoreRow::group).isSorted();
        return rows.stream().collect(Collectors.toMap(ScoreRow::group, ScoreRow::summary));
    }

    @Test
    void responseGroupingsCountEachResponseOnceWithAllItsAnswers() {
        Map<String, ScoreSummary> all = board(GroupBy.ALL);
        assertThat(all).containsOnlyKeys("all");
        // 3 offered, 2 with answers, 1 of them a complaint; five-point answers 5, 1, 3
        assertThat(all.get("all").offered()).isEqualTo(3);
        assertThat(all.get("all").complaints()).isEqualTo(1);
        assertThat(all.get("all").complaintRate()).hasValue(0.5);
        assertThat(all.get("all").fivePointAnswers()).isEqualTo(3);

        Map<String, ScoreSummary> byQueue = board(GroupBy.QUEUE);
        // no queue, whether NULL or empty, is "(none)"
        assertThat(byQueue).containsOnlyKeys("(none)", "sales");
        assertThat(byQueue.get("(none)").offered()).isEqualTo(2);
        assertThat(byQueue.get("sales").offered()).isEqualTo(1);
    }

    @Test
    void questionGroupingCountsAResponseInEachQuestionItAnswered() {
        Map<String, ScoreSummary> byQuestion = board(GroupBy.QUESTION);

        // r3 answered nothing, so it is in no question's row
        assertThat(byQuestion).containsOnlyKeys("q1", "q2");
        ScoreSummary q1 = byQuestion.get("q1");
        assertThat(q1.offered()).isEqualTo(2);
        assertThat(q1.completed()).isEqualTo(1);
        assertThat(q1.partial()).isEqualTo(1);
        assertThat(q1.meanScore()).hasValue(4.0); // (5 + 3) / 2
        assertThat(q1.complaints()).as("r1's complaint was on q2").isZero();
        ScoreSummary q2 = byQuestion.get("q2");
        assertThat(q2.offered()).isEqualTo(1);
        assertThat(q2.complaintRate()).hasValue(1.0);
    }

    @Test
    void dimensionGroupingKeepsEachDimensionsAnswers() {
        Map<String, ScoreSummary> byDimension = board(GroupBy.DIMENSION);

        assertThat(byDimension).containsOnlyKeys("attitude", "resolution");
        // attitude: 5 -> 100, 3 -> 50: index 75; resolution: 1 -> 0
        assertThat(byDimension.get("attitude").dimensionIndex()).containsExactlyEntriesOf(Map.of("attitude", 75.0));
        assertThat(byDimension.get("resolution").dimensionIndex()).containsExactlyEntriesOf(Map.of("resolution", 0.0));
    }

    @Test
    void answersWithoutDimensionGoToNone() {
        ScoreBoard board = new ScoreBoard(GroupBy.DIMENSION, ZoneId.of("UTC"));
        board.add(response("r1", "sales", "completed", answer("q1", "", 4, false)));

        assertThat(board.rows()).singleElement().satisfies(row -> {
            assertThat(row.group()).isEqualTo("(none)");
            assertThat(row.summary().dimensionIndex()).isEmpty();
            assertThat(row.summary().csat()).hasValue(1.0);
        });
    }

    @Test
    void periodGroupingUsesTheStartInTheZone() {
        ScoreBoard board = new ScoreBoard(GroupBy.DAY, ZoneId.of("Europe/Berlin"));
        for (String startedAt : List.of("2026-10-24T21:30:00Z", "2026-10-24T22:30:00Z", "2026-10-25T22:30:00Z")) {
            board.add(new StoredResponse(startedAt, "s", null, null, "completed", Instant.parse(startedAt), List.of()));
        }

        // 23:30 CEST on the 24th; 00:30 CEST and 23:30 CET on the 25th
        assertThat(board.rows().stream().collect(Collectors.toMap(ScoreRow::group, row -> row.summary().offered())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("2026-10-24", 1L, "2026-10-25", 2L));
        assertThat(board.rows()).extracting(ScoreRow::group).containsExactly("2026-10-24", "2026-10-25");
    }
}

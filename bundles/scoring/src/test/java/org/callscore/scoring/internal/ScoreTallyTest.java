package org.callscore.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;

import org.assertj.core.data.Offset;
import org.callscore.scoring.ScoreSummary;
import org.junit.jupiter.api.Test;

class ScoreTallyTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private final ScoreTally tally = new ScoreTally();

    private static double value(OptionalDouble figure) {
        assertThat(figure).as("figure present").isPresent();
        return figure.getAsDouble();
    }

    /** One completed response with these answers on one scale, no dimension, no complaint. */
    private void completed(String scale, int... scores) {
        tally.addResponse("completed", scores.length > 0, false);
        for (int score : scores) {
            tally.addAnswer(scale, "", score);
        }
    }

    /** Responses of these statuses without a complaint; a declined or unanswered one has no answer. */
    private void responses(String... statuses) {
        for (String status : statuses) {
            tally.addResponse(status, !status.equals("declined") && !status.equals("unanswered"), false);
        }
    }

    @Test
    void fivePointMeanSatisfactionAndCsat() {
        completed("FIVE_POINT", 5, 4, 3);
        completed("FIVE_POINT", 2, 1, 5);

        ScoreSummary summary = tally.summary();

        // six answers: sum 5+4+3+2+1+5 = 20, mean 20/6 = 3.333...
        // scoring 3, 4 or 5: 5,4,3,5 = 4 of 6; scoring 4 or 5: 5,4,5 = 3 of 6
        assertThat(summary.fivePointAnswers()).isEqualTo(6);
        assertThat(value(summary.meanScore())).isCloseTo(20.0 / 6, EXACT);
        assertThat(value(summary.satisfaction())).isCloseTo(4.0 / 6, EXACT);
        assertThat(value(summary.csat())).isCloseTo(3.0 / 6, EXACT);
        assertThat(summary.npsAnswers()).isZero();
        assertThat(summary.nps()).isEmpty();
    }

    @Test
    void theThreeSatisfactionFiguresTellDifferentStories() {
        completed("FIVE_POINT", 3, 3, 4, 1);

        ScoreSummary summary = tally.summary();

        // mean (3+3+4+1)/4 = 2.75, below neutral; yet 3 of 4 are neutral or better (literature's
        // satisfaction 75 %) and only 1 of 4 is satisfied or very satisfied (CSAT 25 %)
        assertThat(value(summary.meanScore())).isCloseTo(2.75, EXACT);
        assertThat(value(summary.satisfaction())).isCloseTo(0.75, EXACT);
        assertThat(value(summary.csat())).isCloseTo(0.25, EXACT);
    }

    @Test
    void npsOfBalancedPromotersAndDetractorsIsZero() {
        completed("ZERO_TO_TEN", 10, 9, 8, 7, 6, 0);

        // promoters 10, 9 = 2 of 6; passives 8, 7; detractors 6, 0 = 2 of 6: 100 * (2 - 2) / 6 = 0
        ScoreSummary summary = tally.summary();
        assertThat(summary.npsAnswers()).isEqualTo(6);
        assertThat(value(summary.nps())).isCloseTo(0.0, EXACT);
        assertThat(summary.meanScore()).as("0-10 answers are not in the five-point mean").isEmpty();
    }

    @Test
    void npsCountsPassivesInTheDenominatorOnly() {
        completed("ZERO_TO_TEN", 10, 10, 9, 7, 3);
        completed("ZERO_TO_TEN", 6, 8, 9);

        // promoters 10, 10, 9, 9 = 4; detractors 3, 6 = 2; passives 7, 8; 8 answers: 100 * (4 - 2) / 8 = 25
        assertThat(value(tally.summary().nps())).isCloseTo(25.0, EXACT);
    }

    @Test
    void npsOfOnlyDetractorsIsMinusHundred() {
        completed("ZERO_TO_TEN", 0, 6, 5);

        assertThat(value(tally.summary().nps())).isCloseTo(-100.0, EXACT);
    }

    @Test
    void dimensionIndexRescalesEveryScaleToHundred() {
        tally.addResponse("completed", true, false);
        tally.addAnswer("FIVE_POINT", "attitude", 5); // (5-1)/(5-1)*100 = 100
        tally.addAnswer("FIVE_POINT", "attitude", 2); // (2-1)/(5-1)*100 = 25
        tally.addAnswer("ZERO_TO_TEN", "attitude", 7); // (7-0)/(10-0)*100 = 70
        tally.addAnswer("YES_NO", "resolution", 1); // 100
        tally.addAnswer("YES_NO", "resolution", 0); // 0
        tally.addAnswer("FIVE_POINT", "", 1); // no dimension: in the mean, in no index
        tally.addAnswer("STARS", "attitude", 3); // a scale this version does not know: nowhere

        ScoreSummary summary = tally.summary();

        // attitude (100 + 25 + 70) / 3 = 65; resolution (100 + 0) / 2 = 50
        assertThat(summary.dimensionIndex()).containsOnlyKeys("attitude", "resolution");
        assertThat(summary.dimensionIndex().get("attitude")).isCloseTo(65.0, EXACT);
        assertThat(summary.dimensionIndex().get("resolution")).isCloseTo(50.0, EXACT);
        assertThat(summary.dimensionIndex().firstKey()).isEqualTo("attitude");
        // five-point answers 5, 2, 1: mean 8/3
        assertThat(summary.fivePointAnswers()).isEqualTo(3);
        assertThat(value(summary.meanScore())).isCloseTo(8.0 / 3, EXACT);
    }

    @Test
    void responseRateCountsEveryStatusInTheDenominator() {
        responses("completed", "completed", "partial", "declined", "unanswered", "in_progress");

        ScoreSummary summary = tally.summary();

        // 2 completed of 6 offered
        assertThat(summary.offered()).isEqualTo(6);
        assertThat(summary.completed()).isEqualTo(2);
        assertThat(summary.partial()).isEqualTo(1);
        assertThat(summary.declined()).isEqualTo(1);
        assertThat(summary.unanswered()).isEqualTo(1);
        assertThat(summary.inProgress()).isEqualTo(1);
        assertThat(value(summary.responseRate())).isCloseTo(2.0 / 6, EXACT);
    }

    @Test
    void complaintRateIsOverResponsesWithAnAnswer() {
        tally.addResponse("completed", true, true);
        responses("partial", "completed", "declined", "unanswered");

        ScoreSummary summary = tally.summary();

        // 1 complaint among the 3 responses that have an answer; the declined and unanswered are not asked
        assertThat(summary.answeredResponses()).isEqualTo(3);
        assertThat(summary.complaints()).isEqualTo(1);
        assertThat(value(summary.complaintRate())).isCloseTo(1.0 / 3, EXACT);
    }

    @Test
    void aComplaintNeedsAnAnswer() {
        assertThatThrownBy(() -> tally.addResponse("declined", false, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratiosWithoutDenominatorAreEmpty() {
        ScoreSummary nothing = tally.summary();

        assertThat(nothing.offered()).isZero();
        assertThat(nothing.responseRate()).isEmpty();
        assertThat(nothing.meanScore()).isEmpty();
        assertThat(nothing.satisfaction()).isEmpty();
        assertThat(nothing.csat()).isEmpty();
        assertThat(nothing.nps()).isEmpty();
        assertThat(nothing.complaintRate()).isEmpty();
        assertThat(nothing.dimensionIndex()).isEmpty();
    }

    @Test
    void declinedOnlyHasAResponseRateOfZeroAndNoAnswerFigures() {
        tally.addResponse("declined", false, false);

        ScoreSummary summary = tally.summary();

        assertThat(value(summary.responseRate())).isZero();
        assertThat(summary.meanScore()).isEmpty();
        assertThat(summary.complaintRate()).isEmpty();
    }
}

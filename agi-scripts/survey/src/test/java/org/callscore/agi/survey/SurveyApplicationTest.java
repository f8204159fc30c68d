package org.callscore.agi.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurveyApplicationTest {

    @Test
    void theLogLineCountsAnswersInGoodEnglish() {
        assertThat(SurveyApplication.answers(0)).isEqualTo("0 answers");
        assertThat(SurveyApplication.answers(1)).isEqualTo("1 answer");
        assertThat(SurveyApplication.answers(3)).isEqualTo("3 answers");
    }
}

package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberPlanTest {

    /**
     * Portugal has no trunk prefix, so its three writings are one number; France drops its trunk 0, and a foreign
     * number keeps its own country.
     */
    @ParameterizedTest(name = "{0} {1}: {2} is {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            351    | '' | +351210000001   | +351210000001 | international already
            351    | '' | 00351210000001  | +351210000001 | with the international prefix
            351    | '' | 210000001       | +351210000001 | national
            ' 33 ' | 0  | 0612345678      | +33612345678  | national, with the trunk 0
            ' 33 ' | 0  | 0033612345678   | +33612345678  | with the international prefix
            ' 33 ' | 0  | +33612345678    | +33612345678  | international already
            ' 33 ' | 0  | 004420794600018 | +4420794600018 | a British number
            ' 33 ' | 0  | 612345678       | +33612345678  | written without its trunk 0
            """)
    void aNumberIsWrittenInInternationalForm(String country, String trunk, String written, String international,
            String what) {
        NumberPlan plan = NumberPlan.of(country, trunk).orElseThrow();
        assertThat(plan.international(written)).as(what).isEqualTo(international);
    }

    @Test
    void noCountryIsNoPlanAndABadOneNamesItsSetting() {
        assertThat(NumberPlan.of("", "0")).isEmpty();
        assertThat(NumberPlan.of(null, null)).isEmpty();
        assertThatThrownBy(() -> NumberPlan.of("+351", "")).hasMessageStartingWith("country: '+351'");
        assertThatThrownBy(() -> NumberPlan.of("0351", "")).hasMessageStartingWith("country:");
        assertThatThrownBy(() -> NumberPlan.of("3512", "")).hasMessageStartingWith("country:");
        assertThatThrownBy(() -> NumberPlan.of("33", "00")).hasMessageStartingWith("trunk.prefix: '00'");
        assertThatThrownBy(() -> NumberPlan.of("33", "x")).hasMessageStartingWith("trunk.prefix:");
    }
}

package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberPlanTest {

    @Test
    void portugalHasNoTrunkPrefixSoItsThreeWritingsAreOneNumber() {
        NumberPlan portugal = NumberPlan.of("351", "").orElseThrow();
        assertThat(portugal.international("+351210000001")).isEqualTo("+351210000001");
        assertThat(portugal.international("00351210000001")).isEqualTo("+351210000001");
        assertThat(portugal.international("210000001")).isEqualTo("+351210000001");
    }

    @Test
    void franceDropsItsTrunkZeroAndAForeignNumberKeepsItsOwnCountry() {
        NumberPlan france = NumberPlan.of(" 33 ", "0").orElseThrow();
        assertThat(france.international("0612345678")).isEqualTo("+33612345678");
        assertThat(france.international("0033612345678")).isEqualTo("+33612345678");
        assertThat(france.international("+33612345678")).isEqualTo("+33612345678");
        assertThat(france.international("004420794600018")).as("a British number").isEqualTo("+4420794600018");
        assertThat(france.international("612345678")).as("written without its trunk 0").isEqualTo("+33612345678");
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

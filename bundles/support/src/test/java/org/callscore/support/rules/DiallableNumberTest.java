package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiallableNumberTest {

    @Test
    void threeToTwentyDigitsWithAnOptionalPlus() {
        assertThat(new String[] {"112", "0612345678", "+33612345678", "1".repeat(20), "+" + "1".repeat(20)})
                .allMatch(DiallableNumber::isValid);
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(new String[] {"", "12", "+12", "1".repeat(21), "06 12 34 56 78", "06-12", "++3361", "anonymous",
            "0612345678\n", "\u0660\u0661\u0662"}).noneMatch(DiallableNumber::isValid);
        assertThat(DiallableNumber.isValid(null)).isFalse();
    }

    @Test
    void internationalFormHasItsPlus() {
        assertThat(DiallableNumber.isInternational("+33612345678")).isTrue();
        assertThat(DiallableNumber.isInternational("0033612345678")).isFalse();
        assertThat(DiallableNumber.isInternational("+12")).isFalse();
    }
}

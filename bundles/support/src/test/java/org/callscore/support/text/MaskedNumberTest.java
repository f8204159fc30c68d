package org.callscore.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedNumberTest {

    @Test
    void onlyTheLastThreeCharactersAreShownAndTheLengthIsKept() {
        assertThat(MaskedNumber.of("+351210000123")).isEqualTo("**********123");
        assertThat(MaskedNumber.of("0612345678")).isEqualTo("*******678");
        assertThat(MaskedNumber.of("1234")).isEqualTo("*234");
    }

    @Test
    void aNumberAsTypedIsMaskedAsItsStoredForm() {
        assertThat(MaskedNumber.of("+351 210 000 123")).isEqualTo(MaskedNumber.of("+351210000123"));
        assertThat(MaskedNumber.of("06.12.34.56.78")).isEqualTo("*******678");
        assertThat(MaskedNumber.of("call me\r\nINFO forged 12")).as("nothing but digits reaches the log").isEqualTo("***");
    }

    @Test
    void aNumberOfThreeCharactersOrFewerIsHiddenWhole() {
        assertThat(MaskedNumber.of("112")).isEqualTo("***");
        assertThat(MaskedNumber.of("12")).isEqualTo("***");
        assertThat(MaskedNumber.of(null)).isEqualTo("***");
    }
}

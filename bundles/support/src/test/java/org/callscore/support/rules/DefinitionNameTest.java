package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefinitionNameTest {

    @Test
    void lowerCaseLettersDigitsDashAndUnderscoreAreAccepted() {
        assertThat(new String[] {"after-call", "main", "q1", "1st", "sales_de", "a".repeat(64)})
                .allMatch(DefinitionName::isValid);
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(new String[] {"", "Main", "-main", "_main", "main.ivr", "../main", "a b", "main\n", "ä",
            "a".repeat(65)}).noneMatch(DefinitionName::isValid);
        assertThat(DefinitionName.isValid(null)).isFalse();
    }
}

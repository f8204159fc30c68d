package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniqueIdTest {

    @Test
    void whatAsteriskMakesIsAccepted() {
        assertThat(new String[] {"1700000000.42", "pbx1-1700000000.42", "pbx_eu.1700000000.1", "x".repeat(64)})
                .allMatch(UniqueId::isValid);
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(new String[] {"", "1700000000.42;DROP", "17 00", "1700000000.42\n", "a/b", "x".repeat(65)})
                .noneMatch(UniqueId::isValid);
        assertThat(UniqueId.isValid(null)).isFalse();
    }
}

package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class UuidTest {

    @Test
    void whatJavaMakesIsAccepted() {
        for (int i = 0; i < 100; i++) {
            assertThat(Uuid.isValid(UUID.randomUUID().toString())).isTrue();
        }
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(new String[] {"", "0F8FAD5B-D9CB-469F-A165-70867728950E", "------------------------------------",
            "0f8fad5b-d9cb-469f-a165-70867728950e\n", "0f8fad5bd9cb469fa16570867728950e",
            "0f8fad5b-d9cb-469f-a165-70867728950", "../../../../../../../../etc/passwd.x"}).noneMatch(Uuid::isValid);
        assertThat(Uuid.isValid(null)).isFalse();
    }
}

package org.callscore.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationMessageTest {

    @ParameterizedTest
    @ValueSource(strings = {"custom/water-outage", "outage_2026", "a/b/c/d"})
    void aSoundNameIsTaken(String name) {
        assertThat(NotificationMessage.sound(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/custom/outage", "custom/", "custom//outage", "outage.wav", "../outage", "out age"})
    void anythingAsteriskWouldNotPlayAsASoundIsRefused(String name) {
        assertThatThrownBy(() -> NotificationMessage.sound(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("message name must be letters, digits");
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 20_001})
    void aNameOfManyFoldersIsRefusedWithoutOverflowingTheStack(int length) {
        // a repeated group in the pattern made Java's matcher recurse once per folder
        String name = "a/".repeat(length / 2) + "a";
        assertThatThrownBy(() -> NotificationMessage.sound(name)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeNameTest {

    @Test
    void theSettingNamesTheNode() {
        assertThat(NodeName.of("  dialler-a ", () -> "vm")).isEqualTo("dialler-a");
        assertThat(NodeName.of("n".repeat(64), () -> "vm")).hasSize(64);
    }

    @Test
    void withoutItTheHostNameDoes() {
        assertThat(NodeName.of("", () -> "pbx-2.example.com")).isEqualTo("pbx-2.example.com");
        assertThat(NodeName.of(null, () -> "vm")).isEqualTo("vm");
        assertThat(NodeName.of(" ")).isNotBlank().hasSizeLessThanOrEqualTo(NodeName.MAX_LENGTH);
    }

    @Test
    void aHostNameTooLongForTheLeaseColumnsLosesItsDomain() {
        String fqdn = "callscore-node-1." + "d".repeat(60) + ".example.com";
        assertThat(NodeName.of("", () -> fqdn)).isEqualTo("callscore-node-1");
        assertThatThrownBy(() -> NodeName.of("", () -> "h".repeat(65) + ".example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set node");
    }

    @Test
    void aSettingTooLongOrWithAControlCharacterIsRefused() {
        assertThatThrownBy(() -> NodeName.of("n".repeat(65), () -> "vm")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("node: at most 64 characters");
        assertThatThrownBy(() -> NodeName.of("a\nb", () -> "vm")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a\\x0ab");
    }
}

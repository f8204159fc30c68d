package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueNameTest {

    @Test
    void namesQueuesConfAcceptsAreAccepted() {
        assertThat(new String[] {"sales", "support", "Sales-EU", "support_2nd", "q1", "7", "sales.de", "sales@de",
            "sales+vip", "sales/de", "sales:de", "sales(de)", "verkäufe", "営業", "a".repeat(79)})
                .allMatch(QueueName::isValid);
    }

    @Test
    void whatWouldBreakOnTheWayIsRefused() {
        assertThat(new String[] {"", "sales,support", "sales;x", "sales|x", "[sales]", "sal]es", "sales\"",
            "sales'", "sales`", "sales\\", "sales support", " sales", "sales\t", "sales\n", "sales\u0000",
            "sales\u00a0x", "sales\u200bx", "sales\u2028", "\ud800", "general", "General",
            "a".repeat(80), "ä".repeat(40)})
                .noneMatch(QueueName::isValid);
        assertThat(QueueName.isValid(null)).isFalse();
    }

    @Test
    void theLengthIsCountedInBytesAsAsteriskKeepsThem() {
        assertThat(QueueName.isValid("ä".repeat(39) + "a")).isTrue(); // 79 bytes
        assertThat(QueueName.isValid("ä".repeat(39) + "ab")).isFalse(); // 80 bytes
    }
}

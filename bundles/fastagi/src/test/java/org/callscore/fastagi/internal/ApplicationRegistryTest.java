package org.callscore.fastagi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.Test;

class ApplicationRegistryTest {

    private final ApplicationRegistry registry = new ApplicationRegistry();
    private final AgiScript first = (request, channel) -> { };
    private final AgiScript second = (request, channel) -> { };

    @Test
    void theHighestRankingThenTheOldestServiceServesAName() {
        registry.add("survey", 10, 0, first);
        registry.add("survey", 11, 0, second);
        assertThat(registry.find("survey")).containsSame(first);

        registry.add("survey", 12, 5, second);
        assertThat(registry.find("survey")).containsSame(second);

        registry.remove("survey", 12);
        assertThat(registry.find("survey")).containsSame(first);
        registry.remove("survey", 10);
        registry.remove("survey", 11);
        assertThat(registry.find("survey")).isEmpty();
        assertThat(registry.names()).isEmpty();
    }

    @Test
    void aMissingNameIsReportedOnceUntilItAppears() {
        assertThat(registry.firstMiss("ivr")).isTrue();
        assertThat(registry.firstMiss("ivr")).isFalse();

        registry.add("ivr", 1, 0, first);
        registry.remove("ivr", 1);

        assertThat(registry.firstMiss("ivr")).isTrue();
    }
}

package org.callscore.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The limits every campaign keeps, from the console or the dashboard: one rule, the definition's. */
class CampaignDefinitionTest {

    private static CampaignDefinition definition(int maxInFlight, int rate, int attempts) {
        return new CampaignDefinition("outage", NotificationMessage.sound("custom/outage"),
                new CampaignWindow(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 4), LocalTime.of(9, 0),
                        LocalTime.of(19, 0), Optional.empty()),
                maxInFlight, rate, Map.of(RetryOutcome.BUSY, new RetryRule(Duration.ofMinutes(10), attempts)),
                MachineHandling.LEAVE_AFTER_BEEP, new CampaignKeys(Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()));
    }

    @Test
    void theLimitsThemselvesAreTaken() {
        CampaignDefinition most = definition(1000, 100, 20);
        assertThat(most.maxInFlight()).isEqualTo(CampaignDefinition.MOST_IN_FLIGHT);
        assertThat(most.startsPerSecond()).isEqualTo(CampaignDefinition.MOST_STARTS_PER_SECOND);
        assertThat(most.attemptsFor(RetryOutcome.BUSY)).isEqualTo(CampaignDefinition.MOST_ATTEMPTS);
        assertThat(definition(1, 1, 1).maxInFlight()).isEqualTo(1);
    }

    @Test
    void oneAboveAnyLimitOrBelowOneIsRefusedNamingIt() {
        assertThatThrownBy(() -> definition(1001, 5, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxInFlight must be 1 to 1000: 1001");
        assertThatThrownBy(() -> definition(0, 5, 3)).hasMessageContaining("maxInFlight");
        assertThatThrownBy(() -> definition(10, 101, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startsPerSecond must be 1 to 100: 101");
        assertThatThrownBy(() -> definition(10, 0, 3)).hasMessageContaining("startsPerSecond");
        assertThatThrownBy(() -> definition(10, 5, 21)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry of BUSY must allow at most 20 attempts: 21");
    }
}

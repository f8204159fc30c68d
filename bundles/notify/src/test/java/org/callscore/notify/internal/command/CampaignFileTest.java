package org.callscore.notify.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.RetryOutcome;
import org.junit.jupiter.api.Test;

/** The console's definition keeps the dashboard's limits: the definition's own. */
class CampaignFileTest {

    private static Map<String, String> file(String... more) {
        Map<String, String> values = new HashMap<>(Map.of("name", "water-outage", "message", "custom/water-outage",
                "first.day", "2026-12-03", "last.day", "2026-12-04", "daily.from", "09:00", "daily.until", "19:00"));
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return values;
    }

    @Test
    void theConsoleTakesWhatTheDashboardTakesAndRefusesWhatItRefuses() {
        CampaignDefinition most = CampaignFile.definition(file("max.in.flight", "1000", "starts.per.second", "100",
                "retry.busy", "10m x20"));
        assertThat(most.maxInFlight()).isEqualTo(1000);
        assertThat(most.startsPerSecond()).isEqualTo(100);
        assertThat(most.attemptsFor(RetryOutcome.BUSY)).isEqualTo(20);

        assertThatThrownBy(() -> CampaignFile.definition(file("max.in.flight", "5000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> CampaignFile.definition(file("starts.per.second", "101")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> CampaignFile.definition(file("retry.no.answer", "1h x21")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 20 attempts");
    }
}

package org.callscore.notify.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.MachineHandling;
import org.callscore.notify.NotificationMessage;
import org.callscore.notify.RetryOutcome;
import org.callscore.notify.RetryRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignFormTest {

    private static Map<String, String> filled() {
        return new HashMap<>(Map.of(
                "name", "water-outage",
                "message-source", "sound",
                "message", "custom/water-outage",
                "first-day", "2026-12-03",
                "last-day", "2026-12-05",
                "daily-from", "09:00",
                "daily-until", "18:30"));
    }

    private static CampaignDefinition definition(Map<String, String> form) {
        return new CampaignForm(form::get).definition();
    }

    @Test
    void theFieldsBecomeTheDefinitionWithDefaultsForTheRest() {
        Map<String, String> form = filled();
        form.putAll(Map.of(
                "retry-busy-attempts", "3",
                "retry-busy-minutes", "10",
                "retry-no-answer-attempts", "1",
                "retry-no-answer-minutes", "30",
                "key-opt-out", "9",
                "key-agent", "0",
                "key-queue", "sales",
                "machine", "hang-up",
                "zone", "Europe/Lisbon"));

        CampaignDefinition definition = definition(form);

        assertThat(definition.name()).isEqualTo("water-outage");
        assertThat(definition.message()).isEqualTo(NotificationMessage.sound("custom/water-outage"));
        assertThat(definition.window().firstDay()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(definition.window().dailyUntil()).isEqualTo(LocalTime.of(18, 30));
        assertThat(definition.window().zone()).contains(ZoneId.of("Europe/Lisbon"));
        assertThat(definition.maxInFlight()).isEqualTo(10);
        assertThat(definition.startsPerSecond()).isEqualTo(CampaignDefinition.DEFAULT_STARTS_PER_SECOND);
        // one attempt in all is no retry
        assertThat(definition.retries()).isEqualTo(Map.of(RetryOutcome.BUSY, new RetryRule(Duration.ofMinutes(10), 3)));
        assertThat(definition.machine()).isEqualTo(MachineHandling.HANG_UP_AND_RETRY);
        assertThat(definition.keys().optOut()).contains('9');
        assertThat(definition.keys().queue()).contains("sales");
        assertThat(definition.keys().repeat()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            last-day              | 5.12.2026    | Last day '5.12.2026' is not a day
            zone                  | Mars/Olympus | Time zone 'Mars/Olympus'
            starts-per-second     | 1000         | Calls started per second at most must be a whole number from 1 to 100
            max-in-flight         | 1001         | Calls in flight at most must be a whole number from 1 to 1000
            retry-failed-attempts | 21           | Retry failed: attempts must be a whole number from 1 to 20
            key-repeat            | 12           | Repeat key must be one key
            message-source        | video        | sound or recorded
            """)
    void aBadValueIsNamedByItsFieldsLabel(String field, String value, String message) {
        Map<String, String> form = filled();
        form.put(field, value);
        assertThatThrownBy(() -> definition(form)).hasMessageContaining(message);
    }

    @Test
    void aBadFieldIsNamedByItsLabel() {
        Map<String, String> noName = filled();
        noName.remove("name");
        assertThatThrownBy(() -> definition(noName)).hasMessage("Name is needed");

        Map<String, String> sameKey = filled();
        sameKey.put("key-repeat", "1");
        sameKey.put("key-opt-out", "1");
        assertThatThrownBy(() -> definition(sameKey)).hasMessageContaining("'1' is used twice");

        Map<String, String> backwards = filled();
        backwards.put("daily-until", "08:00");
        assertThatThrownBy(() -> definition(backwards)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dailyFrom");

        assertThat(Optional.of(definition(filled()).message().source()))
                .contains(NotificationMessage.MessageSource.SOUND);
    }
}

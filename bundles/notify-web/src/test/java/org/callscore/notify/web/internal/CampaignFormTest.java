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

class CampaignFormTest {

    private static Map<String, String> filled() {
        Map<String, String> form = new HashMap<>();
        form.put("name", "water-outage");
        form.put("message-source", "sound");
        form.put("message", "custom/water-outage");
        form.put("first-day", "2026-12-03");
        form.put("last-day", "2026-12-05");
        form.put("daily-from", "09:00");
        form.put("daily-until", "18:30");
        return form;
    }

    private static CampaignDefinition definition(Map<String, String> form) {
        return new CampaignForm(form::get).definition();
    }

    @Test
    void theFieldsBecomeTheDefinitionWithDefaultsForTheRest() {
        Map<String, String> form = filled();
        form.put("retry-busy-attempts", "3");
        form.put("retry-busy-minutes", "10");
        form.put("retry-no-answer-attempts", "1");
        form.put("retry-no-answer-minutes", "30");
        form.put("key-opt-out", "9");
        form.put("key-agent", "0");
        form.put("key-queue", "sales");
        form.put("machine", "hang-up");
        form.put("zone", "Europe/Lisbon");

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

    @Test
    void aBadFieldIsNamedByItsLabel() {
        Map<String, String> noName = filled();
        noName.remove("name");
        assertThatThrownBy(() -> definition(noName)).hasMessage("Name is needed");

        Map<String, String> badDay = filled();
        badDay.put("last-day", "5.12.2026");
        assertThatThrownBy(() -> definition(badDay)).hasMessageContaining("Last day '5.12.2026' is not a day");

        Map<String, String> badZone = filled();
        badZone.put("zone", "Mars/Olympus");
        assertThatThrownBy(() -> definition(badZone)).hasMessageContaining("Time zone 'Mars/Olympus'");

        Map<String, String> tooFast = filled();
        tooFast.put("starts-per-second", "1000");
        assertThatThrownBy(() -> definition(tooFast))
                .hasMessageContaining("Calls started per second at most must be a whole number from 1 to 100");

        Map<String, String> tooMany = filled();
        tooMany.put("max-in-flight", "1001");
        assertThatThrownBy(() -> definition(tooMany))
                .hasMessageContaining("Calls in flight at most must be a whole number from 1 to 1000");

        Map<String, String> tooOften = filled();
        tooOften.put("retry-failed-attempts", "21");
        assertThatThrownBy(() -> definition(tooOften))
                .hasMessageContaining("Retry failed: attempts must be a whole number from 1 to 20");

        Map<String, String> twoKeys = filled();
        twoKeys.put("key-repeat", "12");
        assertThatThrownBy(() -> definition(twoKeys)).hasMessageContaining("Repeat key must be one key");

        Map<String, String> sameKey = filled();
        sameKey.put("key-repeat", "1");
        sameKey.put("key-opt-out", "1");
        assertThatThrownBy(() -> definition(sameKey)).hasMessageContaining("'1' is used twice");

        Map<String, String> backwards = filled();
        backwards.put("daily-until", "08:00");
        assertThatThrownBy(() -> definition(backwards)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dailyFrom");

        Map<String, String> recordedUnknown = filled();
        recordedUnknown.put("message-source", "video");
        assertThatThrownBy(() -> definition(recordedUnknown)).hasMessageContaining("sound or recorded");
        assertThat(Optional.of(definition(filled()).message().source()))
                .contains(NotificationMessage.MessageSource.SOUND);
    }
}

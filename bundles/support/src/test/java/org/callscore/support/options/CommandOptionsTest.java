package org.callscore.support.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class CommandOptionsTest {

    @Test
    void readsDatesZonesAndChoicesAndNamesTheOptionWhenItCannot() {
        assertThat(CommandOptions.date("--from", "2026-03-29")).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(CommandOptions.zone("--zone", "Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(CommandOptions.choice("--by", "Half-Days", ChronoUnit.class)).isEqualTo(ChronoUnit.HALF_DAYS);

        assertThat(CommandOptions.yesNo("--complaint", "false")).isFalse();
        assertThat(CommandOptions.yesNo("--complaint", "No")).isFalse();
        assertThat(CommandOptions.yesNo("--complaint", "TRUE")).isTrue();
        assertThat(CommandOptions.yesNo("--complaint", "yes")).isTrue();

        assertThatThrownBy(() -> CommandOptions.yesNo("--complaint", "maybe"))
                .hasMessage("--complaint maybe: expected true or false");
        assertThatThrownBy(() -> CommandOptions.date("--to", "29.03.2026"))
                .hasMessage("--to 29.03.2026: not a date as yyyy-MM-dd");
        assertThatThrownBy(() -> CommandOptions.zone("--zone", "Mars/Olympus"))
                .hasMessage("--zone Mars/Olympus: not a time zone (e.g. Europe/Berlin, UTC)");
        assertThatThrownBy(() -> CommandOptions.choice("--by", "fortnight", ChronoUnit.class))
                .hasMessageStartingWith("--by fortnight: expected one of nanos, micros, millis, seconds, minutes, hours, "
                        + "half-days, days");
    }
}

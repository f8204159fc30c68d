package org.callscore.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.callscore.scoring.GroupBy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupKeysTest {

    @ParameterizedTest(name = "{0} in {2}: {1} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # Days follow the local clock across daylight saving changes.
            # Summer time ends 2026-10-25 01:00Z: 22:30Z the evening before is 00:30 CEST (+2) on the 25th,
            2026-10-24T22:30:00Z | DAY   | Europe/Berlin | 2026-10-25
            # and 22:30Z that day is 23:30 CET (+1), still the 25th (a fixed +2 would say the 26th).
            2026-10-25T22:30:00Z | DAY   | Europe/Berlin | 2026-10-25
            # Summer time starts 2026-03-29 01:00Z: 23:30Z the evening before is 00:30 CET (+1) on the 29th,
            2026-03-28T23:30:00Z | DAY   | Europe/Berlin | 2026-03-29
            # and 22:30Z that day is 00:30 CEST (+2) on the 30th (a fixed +1 would say the 29th).
            2026-03-29T22:30:00Z | DAY   | Europe/Berlin | 2026-03-30
            2026-03-29T22:30:00Z | DAY   | UTC           | 2026-03-29

            # ISO weeks use the week-based year. 2026 begins on a Thursday, so it has 53 weeks: Thursday
            # 2026-12-31 and Sunday 2027-01-03 are in the 53rd; Monday 2027-01-04 starts 2027-W01.
            2026-12-31T12:00:00Z | WEEK  | UTC           | 2026-W53
            2027-01-03T12:00:00Z | WEEK  | UTC           | 2026-W53
            2027-01-04T12:00:00Z | WEEK  | UTC           | 2027-W01
            # Monday 2025-12-29 starts 2026-W01; Tuesday 2026-11-24 is 330 days later: 330 / 7 = 47 weeks on.
            2025-12-29T12:00:00Z | WEEK  | UTC           | 2026-W01
            2026-11-24T09:00:00Z | WEEK  | UTC           | 2026-W48
            # Sunday 2026-06-07 23:30Z is Monday 01:30 in Berlin: the next week.
            2026-06-07T23:30:00Z | WEEK  | UTC           | 2026-W23
            2026-06-07T23:30:00Z | WEEK  | Europe/Berlin | 2026-W24

            # Months and years are cut in the zone: 23:30Z on New Year's Eve is 00:30 on 1 January in Berlin.
            2026-12-31T23:30:00Z | MONTH | UTC           | 2026-12
            2026-12-31T23:30:00Z | MONTH | Europe/Berlin | 2027-01
            2026-12-31T23:30:00Z | YEAR  | UTC           | 2026
            2026-12-31T23:30:00Z | YEAR  | Europe/Berlin | 2027
            2026-03-05T08:00:00Z | MONTH | Europe/Berlin | 2026-03
            """)
    void periodKeys(Instant startedAt, GroupBy by, ZoneId zone, String expected) {
        assertThat(GroupKeys.period(startedAt, by, zone)).isEqualTo(expected);
    }
}

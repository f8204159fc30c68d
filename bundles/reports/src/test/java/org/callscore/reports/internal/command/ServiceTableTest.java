package org.callscore.reports.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.scoring.LowScoredResponse;
import org.junit.jupiter.api.Test;

class ServiceTableTest {

    @Test
    void listsLowScoredCallsWithTheirMeanComplaintAndComment() {
        List<LowScoredResponse> calls = List.of(
                new LowScoredResponse("1700000000.42", Optional.of("sales"), Optional.of("Alice"),
                        Instant.parse("2026-03-11T10:00:00Z"), "after-call", OptionalDouble.of(1.5), false,
                        Optional.of("/var/spool/asterisk/monitor/c.wav")),
                new LowScoredResponse("1700000000.43", Optional.empty(), Optional.empty(),
                        Instant.parse("2026-03-12T10:00:00.250Z"), "after-call", OptionalDouble.empty(), true,
                        Optional.empty()));

        String text = ServiceTable.lowScored("Low-scored calls", calls);

        assertThat(text).isEqualTo(String.join("\n",
                "Low-scored calls",
                "Surveyed (UTC)       Queue            Agent            Call (uniqueid)           Mean Complaint Voice comment",
                "2026-03-11 10:00:00  sales            Alice            1700000000.42             1.50 no        /var/spool/asterisk/monitor/c.wav",
                "2026-03-12 10:00:00  -                -                1700000000.43                - yes       -",
                ""));
        assertThat(ServiceTable.lowScored("t", List.of())).isEqualTo("t\nNo calls match.\n");
    }
}

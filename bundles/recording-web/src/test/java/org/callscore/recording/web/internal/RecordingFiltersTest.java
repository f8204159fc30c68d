package org.callscore.recording.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.callscore.recording.RecordingQuery;
import org.junit.jupiter.api.Test;

class RecordingFiltersTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static RecordingFilters filters(Map<String, String> given) {
        return RecordingFilters.of(given::get);
    }

    @Test
    void everyFilterReachesTheQuery() {
        RecordingQuery query = filters(Map.of("caller", "+33 (6) 12-34", "agent", "alice", "queue", "sales",
                "from", "2026-12-01", "to", "2026-12-02T10:30", "min-duration", "30", "max-duration", "600",
                "min-score", "1", "max-score", "2.5", "complaint", "yes")).query(PARIS, 3);
        assertThat(query.caller()).contains("3361234");
        assertThat(query.agent()).contains("alice");
        assertThat(query.queue()).contains("sales");
        assertThat(query.from()).contains(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(query.to()).contains(Instant.parse("2026-12-02T09:30:00Z"));
        assertThat(query.minDuration()).contains(Duration.ofSeconds(30));
        assertThat(query.maxDuration()).contains(Duration.ofMinutes(10));
        assertThat(query.minScore().getAsDouble()).isEqualTo(1.0);
        assertThat(query.maxScore().getAsDouble()).isEqualTo(2.5);
        assertThat(query.complaint()).contains(true);
        assertThat(query.offset()).isEqualTo(2 * RecordingFilters.PAGE_SIZE);
        assertThat(query.limit()).isEqualTo(RecordingFilters.PAGE_SIZE);
    }

    @Test
    void blankFieldsAreNoFilter() {
        RecordingQuery query = filters(Map.of("caller", " ", "complaint", "")).query(PARIS, 1);
        assertThat(query.caller()).isEmpty();
        assertThat(query.complaint()).isEmpty();
        assertThat(query.offset()).isZero();
        assertThat(filters(Map.of("complaint", "no")).query(PARIS, 1).complaint()).isEqualTo(Optional.of(false));
    }

    @Test
    void aBadFieldIsNamed() {
        assertThatThrownBy(() -> filters(Map.of("min-score", "6")).query(PARIS, 1)).hasMessageContaining("min-score");
        assertThatThrownBy(() -> filters(Map.of("max-duration", "ten")).query(PARIS, 1))
                .hasMessageContaining("max-duration");
        assertThatThrownBy(() -> filters(Map.of("from", "yesterday")).query(PARIS, 1)).hasMessageContaining("from");
        assertThatThrownBy(() -> filters(Map.of("complaint", "maybe")).query(PARIS, 1))
                .hasMessageContaining("complaint");
        assertThatThrownBy(() -> filters(Map.of("caller", "anonymous")).query(PARIS, 1)).hasMessageContaining("caller");
    }
}

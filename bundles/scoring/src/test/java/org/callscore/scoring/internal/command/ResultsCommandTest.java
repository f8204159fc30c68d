package org.callscore.scoring.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.callscore.scoring.GroupBy;
import org.callscore.scoring.ScoreQuery;
import org.junit.jupiter.api.Test;

class ResultsCommandTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    @Test
    void defaultsToThisMonthUpToTodayIncluded() {
        ScoreQuery query = new ResultsCommand().query(TODAY, BERLIN);

        // local midnight in Berlin (CET, +1) is 23:00Z the day before
        assertThat(query.from()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
        assertThat(query.groupBy()).isEqualTo(GroupBy.ALL);
        assertThat(query.queue()).isEmpty();
        assertThat(query.zone()).isEqualTo(BERLIN);
    }

    @Test
    void takesTheOptions() {
        ResultsCommand command = new ResultsCommand();
        command.from = "2026-03-01";
        command.to = "2026-04-01";
        command.queue = "sales";
        command.agent = "alice";
        command.survey = "after-call";
        command.by = "Week";

        ScoreQuery query = command.query(TODAY, BERLIN);

        // 1 March is in winter time (+1), 1 April in summer time (+2)
        assertThat(query.from()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(query.queue()).hasValue("sales");
        assertThat(query.agent()).hasValue("alice");
        assertThat(query.survey()).hasValue("after-call");
        assertThat(query.groupBy()).isEqualTo(GroupBy.WEEK);
        assertThat(ResultsCommand.title(query)).isEqualTo("Surveys started from 2026-03-01T00:00 to 2026-04-01T00:00"
                + " (excluded), Europe/Berlin, queue sales, agent alice, survey after-call, by week");
    }

    @Test
    void explainsBadOptions() {
        ResultsCommand command = new ResultsCommand();
        command.by = "shift";
        assertThatThrownBy(() -> command.query(TODAY, BERLIN)).hasMessageStartingWith("--by shift: expected one of all, queue, agent,");

        command.by = "day";
        command.from = "24.11.2026";
        assertThatThrownBy(() -> command.query(TODAY, BERLIN)).hasMessage("--from 24.11.2026: not a date as yyyy-MM-dd");

        command.from = "2026-11-24";
        command.to = "2026-11-24";
        assertThatThrownBy(() -> command.query(TODAY, BERLIN)).hasMessageContaining("must be before --to");
    }
}

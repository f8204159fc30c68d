package org.callscore.notify.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callscore.notify.NumberOutcome;
import org.callscore.notify.NumberResult;
import org.callscore.notify.NumberState;
import org.callscore.notify.ResultPage;
import org.callscore.notify.ResultQuery;
import org.junit.jupiter.api.Test;

class ResultFiltersTest {

    static NumberResult number(int i) {
        return new NumberResult("+35121000" + String.format("%04d", i), "Customer " + i, Optional.empty(),
                i % 2 == 0 ? Map.of("account", "A" + i) : Map.of(), NumberState.DONE,
                Optional.of(NumberOutcome.ANSWERED), 12_500, "9", 1,
                Optional.of(Instant.parse("2026-12-02T09:30:05Z")), Optional.empty());
    }

    @Test
    void theAddressesFiltersBecomeTheQueryAndComeBackTheSame() {
        ResultFilters filters = ResultFilters.of(Map.of("state", "in-flight", "outcome", "no-answer", "page", "3")::get);
        assertThat(filters.query()).isEqualTo(new ResultQuery(Optional.of(NumberState.IN_FLIGHT),
                Optional.of(NumberOutcome.NO_ANSWER), 200, ResultFilters.PAGE_SIZE));
        assertThat(filters.parameters()).isEqualTo("&state=in-flight&outcome=no-answer");
        assertThat(ResultFilters.of(Map.<String, String>of()::get).query()).isEqualTo(ResultQuery.page(0, 100));
    }

    @Test
    void aBadFilterSaysWhatItMayBe() {
        assertThatThrownBy(() -> ResultFilters.of(Map.of("state", "asleep")::get))
                .hasMessage("state must be one of waiting, in-flight, done, failed, do-not-call, not-called, "
                        + "not 'asleep'");
        assertThatThrownBy(() -> ResultFilters.of(Map.of("page", "0")::get)).hasMessageContaining("page must be");
    }

    @Test
    void anExportReadsEveryPage() {
        List<NumberResult> all = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            all.add(number(i));
        }
        List<ResultQuery> asked = new ArrayList<>();
        List<NumberResult> read = ResultFilters.of(Map.<String, String>of()::get).everyPage(query -> {
            asked.add(query);
            return new ResultPage(all.subList(Math.min(query.offset(), all.size()),
                    Math.min(query.offset() + query.limit(), all.size())), all.size());
        });
        assertThat(read).isEqualTo(all);
        assertThat(asked).extracting(ResultQuery::offset).containsExactly(0, 10_000, 20_000);
    }

    @Test
    void theExportTableHasSiteTimesHeardSecondsAndEveryField() {
        var table = ResultTable.of(NotificationsPageTest.campaign(), List.of(number(1), number(2)),
                ZoneId.of("Europe/Berlin"));
        assertThat(table.columns()).extracting(c -> c.key()).containsExactly("number", "name", "zone", "state",
                "outcome", "attempts", "heard", "keys", "lastAttempt", "nextAttempt", "field.account");
        List<Object> first = table.rows().get(0);
        assertThat(first.get(6)).isEqualTo(12.5);
        assertThat(first.get(8)).isEqualTo(OffsetDateTime.parse("2026-12-02T10:30:05+01:00"));
        assertThat(first.get(9)).isNull();
        assertThat(first.get(10)).isNull();
        assertThat(table.rows().get(1).get(10)).isEqualTo("A2");
    }
}

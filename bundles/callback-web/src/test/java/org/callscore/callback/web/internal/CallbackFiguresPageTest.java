package org.callscore.callback.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.callscore.callback.CallbackFigureQuery;
import org.callscore.callback.CallbackFigureRow;
import org.junit.jupiter.api.Test;

/** The managers' figures page: the period's fields, and the table with every value escaped. */
class CallbackFiguresPageTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void theFieldsDefaultToThisMonthByQueue() {
        CallbackFigureQuery query = CallbackForm.figureQuery(Map.<String, String>of()::get, TODAY, PARIS);

        assertThat(query.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(query.to()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(query.groupBy()).isEqualTo(CallbackFigureQuery.Grouping.QUEUE);
        assertThat(query.closureDays()).isEqualTo(3);
        assertThat(query.queue()).isEmpty();
        assertThat(query.zone()).isEqualTo(PARIS);
    }

    @Test
    void aBadFieldNamesItself() {
        assertThatThrownBy(() -> CallbackForm.figureQuery(Map.of("from", "1st of May")::get, TODAY, PARIS))
                .hasMessageContaining("from '1st of May' is not a day");
        assertThatThrownBy(() -> CallbackForm.figureQuery(Map.of("by", "hour")::get, TODAY, PARIS))
                .hasMessageContaining("by 'hour' is none of");
        assertThatThrownBy(() -> CallbackForm.figureQuery(Map.of("closure", "0")::get, TODAY, PARIS))
                .hasMessageContaining("closureDays must be at least 1");
        assertThatThrownBy(() -> CallbackForm.figureQuery(Map.of("from", "2026-12-05", "to", "2026-12-01")::get,
                TODAY, PARIS)).hasMessageContaining("must be before");
    }

    @Test
    void eachGroupIsARowWithItsRatesAndEscapedKey() {
        CallbackFigureQuery query = CallbackForm.figureQuery(Map.of("by", "agent", "closure", "7")::get, TODAY, PARIS);
        String html = CallbackFiguresPage.render("/callscore", query, List.of(
                new CallbackFigureRow("<b>anna</b>", 4, 2, 1, 0, 1, 0, OptionalDouble.of(750),
                        OptionalDouble.of(7500), 1, 3)));

        assertThat(html).contains("<td>&lt;b&gt;anna&lt;/b&gt;</td><td>4</td><td>2</td><td>1</td><td>0</td><td>1</td>"
                + "<td>0</td><td>13 min</td><td>2 h 05 min</td><td>50.0 %</td><td>75.0 %</td>")
                .contains("Closed within 7 days").contains("<option value=\"agent\" selected>")
                .doesNotContain("<b>anna");
        assertThat(CallbackFiguresPage.render("/callscore", query, List.of())).contains("No callbacks match.");
    }
}

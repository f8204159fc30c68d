package org.callscore.callback.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.callback.CallbackFigureQuery;
import org.callscore.callback.CallbackFigureQuery.Grouping;
import org.callscore.callback.CallbackFigureRow;
import org.junit.jupiter.api.Test;

/** The text of {@code report:callbacks}. */
class CallbackReportCommandTest {

    private static final CallbackFigureQuery NOVEMBER = new CallbackFigureQuery(LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 12, 1), ZoneId.of("Europe/Paris"), Optional.of("sales"), Optional.empty(),
            Grouping.QUEUE, 3);

    @Test
    void eachGroupIsOneLineWithItsRates() {
        String text = CallbackReportCommand.render(NOVEMBER, List.of(
                new CallbackFigureRow("sales", 5, 3, 0, 0, 1, 1, OptionalDouble.of(9800), OptionalDouble.of(1800), 2,
                        1),
                new CallbackFigureRow("support-team", 2, 0, 1, 1, 0, 0, OptionalDouble.empty(),
                        OptionalDouble.empty(), 0, 0)));

        assertThat(text).startsWith("Callbacks requested from 2026-11-01 to 2026-12-01 (excluded), Europe/Paris, "
                + "queue sales, by queue").contains("3dClose%");
        assertThat(line(text, "sales ")).containsExactly("sales", "5", "3", "0", "0", "1", "1", "9800", "1800", "66.7",
                "20.0");
        assertThat(line(text, "support-team")).containsExactly("support-team", "2", "0", "1", "1", "0", "0", "-", "-",
                "-", "0.0");
    }

    @Test
    void noCallbacksSaysSo() {
        assertThat(CallbackReportCommand.render(NOVEMBER, List.of())).endsWith("No callbacks match."
                + System.lineSeparator());
    }

    private static String[] line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow().trim().split("\\s+");
    }
}

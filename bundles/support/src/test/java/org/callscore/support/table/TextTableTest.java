package org.callscore.support.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void theFirstColumnIsAsWideAsItsLongestEntryOrItsHeading() {
        assertThat(TextTable.row("%-{w}s %5s%n", "Group", List.of("support", "sales"))).isEqualTo("%-7s %5s%n");
        assertThat(TextTable.row("%-{w}s %5s%n", "Group", List.of())).isEqualTo("%-5s %5s%n");
    }

    @Test
    void figuresHaveAPointAndNothingToDivideByIsADash() {
        assertThat(TextTable.number(OptionalDouble.of(4.256), 2)).isEqualTo("4.26");
        assertThat(TextTable.percent(OptionalDouble.of(0.8125))).isEqualTo("81.3");
        assertThat(TextTable.percent(OptionalDouble.empty())).isEqualTo("-");
        assertThat(TextTable.number(OptionalDouble.empty(), 1)).isEqualTo("-");
    }
}

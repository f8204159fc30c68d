package org.callscore.support.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvTest {

    /** @return the cell as Csv writes it, as the second field of a line */
    private static String cell(Object cell) {
        String csv = Csv.of(new Table("t", List.of(new Table.Column("a", "A"), new Table.Column("b", "B")),
                List.of(Arrays.asList("x", cell))));
        String line = csv.substring(csv.indexOf("\r\n") + 2);
        assertThat(line).startsWith("x,").endsWith("\r\n");
        return line.substring(2, line.length() - 2);
    }

    @Test
    void writesAHeaderLineAndOneLinePerRowWithCrlf() {
        Table table = new Table("service", List.of(new Table.Column("group", "Group"),
                new Table.Column("offered", "Offered"), new Table.Column("answerRate", "Answer rate")),
                List.of(Arrays.asList("sales", 12L, 0.75), Arrays.asList("support", 0L, null)));

        assertThat(Csv.of(table)).isEqualTo("Group,Offered,Answer rate\r\nsales,12,0.75\r\nsupport,0,\r\n");
    }

    /**
     * Text as Csv writes it: quoted where it holds a comma, a quote or a line break, as RFC 4180 says; defused (a
     * leading {@code '}) where a spreadsheet would run it as a formula.
     */
    static Stream<Arguments> textCells() {
        return Stream.of(
                arguments("a,b", "\"a,b\""),
                arguments("say \"hi\"", "\"say \"\"hi\"\"\""),
                arguments("two\nlines", "\"two\nlines\""),
                arguments("cr\r", "\"cr\r\""),
                arguments("plain text", "plain text"),
                arguments("", ""),
                arguments("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
                arguments("+1", "'+1"),
                arguments("-2+3", "'-2+3"),
                arguments("@SUM(A1)", "'@SUM(A1)"),
                arguments("\tcmd", "'\tcmd"),
                arguments("sales=1", "sales=1"));
    }

    @ParameterizedTest
    @MethodSource("textCells")
    void quotesFieldsAsRfc4180SaysAndDefusesTextASpreadsheetWouldRunAsAFormula(String text, String written) {
        assertThat(cell(text)).isEqualTo(written);
    }

    @Test
    void writesNumbersAsNumbersNeverDefused() {
        assertThat(cell(-5L)).isEqualTo("-5");
        assertThat(cell(-0.5)).isEqualTo("-0.5");
        assertThat(cell(1e-7)).isEqualTo("0.0000001");
        assertThat(cell(Double.NaN)).isEmpty();
        assertThat(cell(true)).isEqualTo("true");
        assertThat(cell(null)).isEmpty();
        assertThat(cell(java.time.OffsetDateTime.parse("2026-12-01T19:40:33+01:00")))
                .isEqualTo("2026-12-01T19:40:33+01:00");
    }
}

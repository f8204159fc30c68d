package org.callscore.support.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

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

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAsRfc4180Says() {
        assertThat(cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(cell("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(cell("plain text")).isEqualTo("plain text");
        assertThat(cell("")).isEmpty();
    }

    @Test
    void defusesTextASpreadsheetWouldRunAsAFormula() {
        assertThat(cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(cell("+1")).isEqualTo("'+1");
        assertThat(cell("-2+3")).isEqualTo("'-2+3");
        assertThat(cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(cell("sales=1")).isEqualTo("sales=1");
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

package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void writesAHeaderLineAndOneLinePerRowWithCrlf() {
        Table table = new Table("service", List.of(new Table.Column("group", "Group"),
                new Table.Column("offered", "Offered"), new Table.Column("answerRate", "Answer rate")),
                List.of(Arrays.asList("sales", 12L, 0.75), Arrays.asList("support", 0L, null)));

        assertThat(Csv.of(table)).isEqualTo("Group,Offered,Answer rate\r\nsales,12,0.75\r\nsupport,0,\r\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAsRfc4180Says() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(Csv.cell("plain text")).isEqualTo("plain text");
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void defusesTextASpreadsheetWouldRunAsAFormula() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.cell("sales=1")).isEqualTo("sales=1");
    }

    @Test
    void writesNumbersAsNumbersNeverDefused() {
        assertThat(Csv.cell(-5L)).isEqualTo("-5");
        assertThat(Csv.cell(-0.5)).isEqualTo("-0.5");
        assertThat(Csv.cell(1e-7)).isEqualTo("0.0000001");
        assertThat(Csv.cell(Double.NaN)).isEmpty();
        assertThat(Csv.cell(true)).isEqualTo("true");
        assertThat(Csv.cell(null)).isEmpty();
    }
}

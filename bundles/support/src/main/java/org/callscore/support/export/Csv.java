package org.callscore.support.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A {@link Table} as CSV, written by Apache Commons CSV in its RFC 4180 format: comma-separated, CRLF line ends,
 * a header line, a field holding a comma, a quote or a line break quoted with inner quotes doubled. Numbers are
 * written plainly (no exponent, a dot for decimals), empty for a missing figure; times as ISO-8601 with offset.
 * <p>
 * Formula injection: queue, agent and caller names come from the PBX, so a text cell beginning with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR, which a spreadsheet would run as a formula, is
 * written with a leading {@code '}. Numbers are numbers, never prefixed.
 */
public final class Csv {

    private Csv() {
    }

    public static String of(Table table) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(table.columns().stream().map(column -> field(column.header())));
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(Csv::field));
            }
        } catch (IOException e) { // into memory: cannot happen
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @return the cell as the text of its field (null: an empty field) */
    static String field(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof Double || cell instanceof Float) {
            double number = ((Number) cell).doubleValue();
            return Double.isFinite(number) ? Table.plain(number) : null;
        }
        if (cell instanceof String text) {
            return defused(text);
        }
        return cell.toString(); // numbers, true/false, times
    }

    /** @return the text with a leading {@code '} when a spreadsheet would take it for a formula */
    public static String defused(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}

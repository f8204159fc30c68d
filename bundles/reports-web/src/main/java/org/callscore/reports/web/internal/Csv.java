package org.callscore.reports.web.internal;

import java.util.List;

/**
 * A {@link Table} as CSV (RFC 4180): comma-separated, CRLF line ends, a header line, fields holding a comma, a
 * quote, CR or LF quoted with inner quotes doubled. Numbers are written plainly (no exponent, a dot for
 * decimals), empty for a missing figure.
 * <p>
 * Formula injection: queue, agent and caller names come from the PBX, so a text cell beginning with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR, which a spreadsheet would run as a formula, is
 * written with a leading {@code '}. Numbers are numbers, never prefixed.
 */
final class Csv {

    private static final String CRLF = "\r\n";

    private Csv() {
    }

    static String of(Table table) {
        StringBuilder out = new StringBuilder();
        line(out, table.columns().stream().map(column -> (Object) column.header()).toList());
        table.rows().forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append(CRLF);
    }

    /** @return the cell as one CSV field */
    static String cell(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float) {
            double number = ((Number) cell).doubleValue();
            return Double.isFinite(number) ? JsonWriter.plain(number) : "";
        }
        if (cell instanceof Number || cell instanceof Boolean) {
            return cell.toString();
        }
        return quoted(defused(cell.toString()));
    }

    /** @return the text with a leading {@code '} when a spreadsheet would take it for a formula */
    static String defused(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

package org.callscore.support.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A {@link Table} as an Office Open XML workbook (.xlsx) of one sheet, written by fastexcel (embedded in this
 * bundle: it is not an OSGi bundle). The first row holds the column headers; numbers are number cells, booleans
 * boolean cells, text inline strings (never formulas), a time a date cell (a number with a date format, the local
 * time of the report's zone: spreadsheets have no time zones), a missing figure an absent cell. Characters XML 1.0
 * cannot carry are dropped.
 */
public final class Xlsx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** how a time cell shows; the value is the day number with the time as its fraction */
    static final String TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

    private Xlsx() {
    }

    /** Writes the workbook to {@code out}, which stays open. */
    public static void write(Table table, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller closes out
            }
        }, "CallScore", null);
        Worksheet sheet = workbook.newWorksheet(sheetName(table.name()));
        List<Table.Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            sheet.inlineString(0, c, columns.get(c).header());
        }
        int r = 1;
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < row.size(); c++) {
                cell(sheet, r, c, row.get(c));
            }
            r++;
        }
        workbook.finish();
    }

    private static void cell(Worksheet sheet, int r, int c, Object cell) {
        if (cell instanceof Double || cell instanceof Float) {
            double value = ((Number) cell).doubleValue();
            if (Double.isFinite(value)) {
                sheet.value(r, c, value);
            }
        } else if (cell instanceof Number value) {
            sheet.value(r, c, value.longValue());
        } else if (cell instanceof Boolean flag) {
            sheet.value(r, c, flag);
        } else if (cell instanceof OffsetDateTime time) {
            sheet.value(r, c, time.toLocalDateTime());
            sheet.style(r, c).format(TIME_FORMAT).set();
        } else if (cell != null) {
            sheet.inlineString(r, c, cell.toString());
        }
    }

    /** A sheet name as Excel accepts it: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        cleaned = cleaned.isBlank() ? "Sheet1" : cleaned;
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}

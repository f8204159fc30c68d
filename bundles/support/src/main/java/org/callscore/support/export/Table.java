package org.callscore.support.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A report as the API, the CSV and the XLSX export all show it: named columns and rows of cells. A cell is
 * {@code null} (no figure: its denominator was zero, or it does not apply), a {@link String}, a {@link Boolean},
 * a {@link Long}, a {@link Double} or an {@link java.time.OffsetDateTime} (a time, local to the report's zone, to
 * the second); shares are fractions from 0 to 1, as in the reports API.
 *
 * @param name    what the table is, e.g. {@code service}; the export's sheet and file name
 * @param columns the columns, in order
 * @param rows    the rows, each with one cell per column
 */
public record Table(String name, List<Column> columns, List<List<Object>> rows) {

    /**
     * @param key    the column's name in the JSON API
     * @param header its heading in CSV and XLSX files and the dashboard's tables
     */
    public record Column(String key, String header) {
    }

    /** A column and how to read its cell from one item of a report. */
    public record Field<T>(Column column, Function<T, Object> value) {

        public static <T> Field<T> of(String key, String header, Function<T, Object> value) {
            return new Field<>(new Column(key, header), value);
        }
    }

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** One row per item, one column per field. */
    public static <T> Table of(String name, List<Field<T>> fields, List<T> items) {
        List<List<Object>> rows = new ArrayList<>(items.size());
        for (T item : items) {
            List<Object> row = new ArrayList<>(fields.size());
            for (Field<T> field : fields) {
                row.add(field.value().apply(item));
            }
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        return new Table(name, fields.stream().map(Field::column).toList(), rows);
    }

    /** A double without exponent for ordinary magnitudes: 0.25, 12, 1.0E-7 as 0.0000001. */
    public static String plain(double number) {
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}

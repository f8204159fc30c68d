package org.callscore.notify;

import java.util.Locale;

/** The files customers are imported from. */
public enum ImportFormat {
    /** comma-separated, UTF-8, RFC 4180 quoting, a header row */
    CSV,
    /** the first sheet of an Excel workbook, a header row */
    XLSX;

    /** @return the format a file name's extension names */
    public static ImportFormat ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        throw new IllegalArgumentException("a customer file must end in .csv or .xlsx: '" + fileName + "'");
    }
}

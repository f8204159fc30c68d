package org.callscore.notify.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.callscore.notify.ImportFormat;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The rows of a customer file, each with its line (the header is line 1) and its cells by lower-case column name.
 * Only what cannot be read at all (not CSV, not a workbook, no header, no {@code number} column) is an exception;
 * whatever is wrong with one row is for {@link CustomerImport} to report. A CSV file is what a spreadsheet writes:
 * UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8"), its cells separated by commas, semicolons (Excel
 * in locales whose decimal mark is a comma) or tabs, whichever its header line uses.
 */
final class CustomerFile {

    /** The most rows one import takes, so that a wrong file cannot fill the database. */
    static final int MAX_ROWS = 200_000;

    record Line(int line, Map<String, String> cells) {
    }

    private CustomerFile() {
    }

    static List<Line> read(ImportFormat format, InputStream file) {
        try {
            return switch (format) {
                case CSV -> csv(file);
                case XLSX -> xlsx(file);
            };
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException bad) {
                throw bad;
            }
            throw new IllegalArgumentException("the " + format + " file cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Line> csv(InputStream file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                HEADER_LOOK_AHEAD);
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset(); // no mark: the first character is the header's
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator(reader)).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber(); // a record with a quoted line break counts as one line
                List<String> values = record.toList();
                if (header == null) {
                    header = header(values);
                    continue;
                }
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                lines.add(new Line(line, cells(header, values)));
                limit(lines);
            }
            if (header == null) {
                throw new IllegalArgumentException("the file is empty: a header row naming the columns is needed");
            }
        }
        return lines;
    }

    /** What Excel's "CSV UTF-8" writes first; the UTF-8 decoder hands it on as this character. */
    static final int BYTE_ORDER_MARK = 0xFEFF;

    /** How much of the header line the separator is looked for in (a longer header is read in full all the same). */
    static final int HEADER_LOOK_AHEAD = 64 * 1024;

    /**
     * The cell separator of the header line, read ahead and given back: the most frequent of {@code ,}, {@code ;}
     * and tab outside quotes; a comma when there is none (a file of one column) or two are equally frequent.
     */
    static char separator(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LOOK_AHEAD);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int read = 0; read < HEADER_LOOK_AHEAD - 1; read++) {
            int c = reader.read();
            if (c < 0 || !quoted && (c == '\n' || c == '\r')) {
                break;
            }
            if (c == '"') {
                quoted = !quoted; // a doubled quote inside quotes toggles twice
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        reader.reset();
        if (semicolons > commas && semicolons > tabs) {
            return ';';
        }
        return tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    private static List<Line> xlsx(InputStream file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file)) {
            Sheet sheet = workbook.getFirstSheet();
            List<String> header = null;
            try (Stream<Row> rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        values.add(text(row.getCell(i)));
                    }
                    if (header == null) {
                        if (values.stream().allMatch(String::isBlank)) {
                            continue;
                        }
                        header = header(values);
                        continue;
                    }
                    if (values.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    lines.add(new Line(row.getRowNum(), cells(header, values)));
                    limit(lines);
                }
            }
            if (header == null) {
                throw new IllegalArgumentException("the first sheet is empty: a header row naming the columns is needed");
            }
        }
        return lines;
    }

    /** A number typed into Excel is a numeric cell: its stored digits, never an exponent. */
    private static String text(Cell cell) {
        if (cell == null || cell.getRawValue() == null) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString().strip();
        }
        return cell.getText().strip();
    }

    private static List<String> header(List<String> names) {
        List<String> header = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("number")) {
            throw new IllegalArgumentException("the header row (line 1) has no 'number' column: " + header);
        }
        return header;
    }

    private static Map<String, String> cells(List<String> header, List<String> values) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isEmpty()) {
                cells.putIfAbsent(header.get(i), i < values.size() ? values.get(i) : "");
            }
        }
        for (int i = header.size(); i < values.size(); i++) {
            if (!values.get(i).isBlank()) {
                cells.put("", values.get(i)); // a value beyond the header: the import reports it
            }
        }
        return cells;
    }

    private static void limit(List<Line> lines) {
        if (lines.size() > MAX_ROWS) {
            throw new IllegalArgumentException("the file has more than " + MAX_ROWS + " rows: split it");
        }
    }
}

package org.callscore.reports.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A {@link Table} as an Office Open XML workbook (.xlsx) of one sheet, written directly: the five parts a
 * spreadsheet needs ({@code [Content_Types].xml}, {@code _rels/.rels}, {@code xl/workbook.xml},
 * {@code xl/_rels/workbook.xml.rels}, {@code xl/worksheets/sheet1.xml}). The first row holds the column
 * headers; numbers are number cells, booleans boolean cells, text inline strings (never formulas), a missing
 * figure an absent cell. Characters XML 1.0 cannot carry are dropped.
 */
final class Xlsx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

    private Xlsx() {
    }

    /** Writes the workbook to {@code out}, which stays open. */
    static void write(Table table, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        part(zip, "[Content_Types].xml", XML
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>");
        part(zip, "_rels/.rels", XML + "<Relationships xmlns=\"" + PACKAGE_REL + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        part(zip, "xl/workbook.xml", XML + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheets>"
                + "<sheet name=\"" + Html.escape(sheetName(table.name())) + "\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>");
        part(zip, "xl/_rels/workbook.xml.rels", XML + "<Relationships xmlns=\"" + PACKAGE_REL + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>");
        part(zip, "xl/worksheets/sheet1.xml", sheet(table));
        zip.finish();
    }

    private static String sheet(Table table) {
        StringBuilder xml = new StringBuilder(XML).append("<worksheet xmlns=\"").append(MAIN).append("\"><sheetData>");
        row(xml, 1, table.columns().stream().map(column -> (Object) column.header()).toList());
        int number = 2;
        for (List<Object> row : table.rows()) {
            row(xml, number++, row);
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    private static void row(StringBuilder xml, int number, List<Object> cells) {
        xml.append("<row r=\"").append(number).append("\">");
        for (int i = 0; i < cells.size(); i++) {
            Object cell = cells.get(i);
            String ref = column(i) + number;
            if (cell instanceof Double || cell instanceof Float) {
                double value = ((Number) cell).doubleValue();
                if (Double.isFinite(value)) {
                    xml.append("<c r=\"").append(ref).append("\"><v>").append(JsonWriter.plain(value)).append("</v></c>");
                }
            } else if (cell instanceof Number value) {
                xml.append("<c r=\"").append(ref).append("\"><v>").append(value.longValue()).append("</v></c>");
            } else if (cell instanceof Boolean flag) {
                xml.append("<c r=\"").append(ref).append("\" t=\"b\"><v>").append(flag ? 1 : 0).append("</v></c>");
            } else if (cell != null) {
                xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        .append(Html.escape(cell.toString())).append("</t></is></c>");
            }
        }
        xml.append("</row>");
    }

    /** @return the column's letters: 0 is A, 25 Z, 26 AA */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /** A sheet name as Excel accepts it: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        cleaned = cleaned.isBlank() ? "Sheet1" : cleaned;
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}

package org.callscore.support.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The workbook as a spreadsheet reads it: the file is unpacked and its XML parts parsed. */
class XlsxTest {

    /** Read through the zip's central directory, as spreadsheets do (Java 17's ZipInputStream cannot read the
     * streamed Zip64 entries fastexcel writes; Java 21's can). */
    static Map<String, String> parts(byte[] xlsx) throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        Path file = Files.createTempFile("callscore-xlsx", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
        return parts;
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** cell reference to [type, value, style index] as a spreadsheet reads them */
    private static Map<String, List<String>> cells(String sheetXml) throws Exception {
        Map<String, List<String>> cells = new LinkedHashMap<>();
        NodeList list = xml(sheetXml).getElementsByTagNameNS("*", "c");
        for (int i = 0; i < list.getLength(); i++) {
            Element cell = (Element) list.item(i);
            String type = cell.getAttribute("t");
            String value = type.equals("inlineStr") ? cell.getElementsByTagNameNS("*", "t").item(0).getTextContent()
                    : cell.getElementsByTagNameNS("*", "v").item(0).getTextContent();
            cells.put(cell.getAttribute("r"), List.of(type.isEmpty() ? "n" : type, value,
                    cell.getAttribute("s").isEmpty() ? "0" : cell.getAttribute("s")));
        }
        return cells;
    }

    private static byte[] workbook(Table table) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Xlsx.write(table, bytes);
        return bytes.toByteArray();
    }

    @Test
    void writesAWorkbookWithNumbersAsNumbersAndTextAsInlineStrings() throws Exception {
        Table table = new Table("service", List.of(new Table.Column("group", "Group"),
                new Table.Column("offered", "Offered"), new Table.Column("answerRate", "Answer rate"),
                new Table.Column("repeated", "Called again")),
                List.of(Arrays.asList("=cmd|' /C calc'!A0 <&> \"x\"", 12L, 0.75, true),
                        Arrays.asList("support\u0001", 0L, null, false)));

        Map<String, String> parts = parts(workbook(table));

        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml");
        Element sheet = (Element) xml(parts.get("xl/workbook.xml")).getElementsByTagNameNS("*", "sheet").item(0);
        assertThat(sheet.getAttribute("name")).isEqualTo("service");
        assertThat(sheet.getAttribute("sheetId")).isEqualTo("1");
        Map<String, List<String>> cells = cells(parts.get("xl/worksheets/sheet1.xml"));
        assertThat(cells).containsEntry("A1", List.of("inlineStr", "Group", "0"))
                .containsEntry("D1", List.of("inlineStr", "Called again", "0"))
                .containsEntry("A2", List.of("inlineStr", "=cmd|' /C calc'!A0 <&> \"x\"", "0"))
                .containsEntry("B2", List.of("n", "12", "0"))
                .containsEntry("C2", List.of("n", "0.75", "0"))
                .containsEntry("D2", List.of("b", "1", "0"))
                .containsEntry("A3", List.of("inlineStr", "support", "0"))
                .containsEntry("B3", List.of("n", "0", "0"))
                .containsEntry("D3", List.of("b", "0", "0"))
                .doesNotContainKey("C3"); // no figure: no cell
        assertThat(parts.get("xl/worksheets/sheet1.xml")).doesNotContain("<f>"); // never a formula
        // every part is well-formed XML
        for (String name : parts.keySet()) {
            xml(parts.get(name));
        }
    }

    @Test
    void writesTimesAsDateCellsOfTheLocalTime() throws Exception {
        Table table = new Table("abandoned", List.of(new Table.Column("enteredAt", "Entered")),
                List.of(List.of(OffsetDateTime.parse("2026-12-01T19:40:33+01:00"))));

        Map<String, String> parts = parts(workbook(table));

        List<String> cell = cells(parts.get("xl/worksheets/sheet1.xml")).get("A2");
        assertThat(cell.get(0)).isEqualTo("n"); // a number, not text
        // Excel's day number: days since 1899-12-30, the time of day as the fraction
        double day = Double.parseDouble(cell.get(1));
        LocalDateTime shown = LocalDateTime.of(1899, 12, 30, 0, 0).plusSeconds(Math.round(day * 86_400));
        assertThat(shown).isEqualTo(LocalDateTime.of(2026, 12, 1, 19, 40, 33));
        // its style has a date format
        Document styles = xml(parts.get("xl/styles.xml"));
        Element xf = (Element) ((Element) styles.getElementsByTagNameNS("*", "cellXfs").item(0))
                .getElementsByTagNameNS("*", "xf").item(Integer.parseInt(cell.get(2)));
        String formatId = xf.getAttribute("numFmtId");
        NodeList formats = styles.getElementsByTagNameNS("*", "numFmt");
        String format = null;
        for (int i = 0; i < formats.getLength(); i++) {
            Element candidate = (Element) formats.item(i);
            if (candidate.getAttribute("numFmtId").equals(formatId)) {
                format = candidate.getAttribute("formatCode");
            }
        }
        assertThat(format).isEqualTo(Xlsx.TIME_FORMAT);
    }

    @Test
    void namesColumnsAsSpreadsheetsDo() throws Exception {
        List<Table.Column> columns = new ArrayList<>();
        for (int i = 0; i < 703; i++) {
            columns.add(new Table.Column("c" + i, "C" + i));
        }
        Map<String, List<String>> cells = cells(parts(workbook(new Table("wide", columns,
                List.of(Collections.nCopies(703, (Object) 1L))))).get("xl/worksheets/sheet1.xml"));

        assertThat(cells.get("A1").get(1)).isEqualTo("C0");
        assertThat(cells.get("Z1").get(1)).isEqualTo("C25");
        assertThat(cells.get("AA1").get(1)).isEqualTo("C26");
        assertThat(cells.get("ZZ1").get(1)).isEqualTo("C701");
        assertThat(cells.get("AAA1").get(1)).isEqualTo("C702");
    }

    @Test
    void makesSheetNamesExcelAccepts() {
        assertThat(Xlsx.sheetName("low-scores")).isEqualTo("low-scores");
        assertThat(Xlsx.sheetName("a/b[c]:d*e?f\\g")).isEqualTo("a_b_c__d_e_f_g");
        assertThat(Xlsx.sheetName("x".repeat(40))).hasSize(31);
    }

    @Test
    void leavesTheStreamOpen() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Xlsx.write(new Table("t", List.of(new Table.Column("a", "A")), List.of()), out);
        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isPositive();
    }
}

package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XlsxTest {

    private static Map<String, String> parts(byte[] xlsx) throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    /** cell reference to [type, value] as a spreadsheet reads them */
    private static Map<String, List<String>> cells(String sheetXml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document sheet = factory.newDocumentBuilder().parse(new ByteArrayInputStream(sheetXml.getBytes(StandardCharsets.UTF_8)));
        Map<String, List<String>> cells = new LinkedHashMap<>();
        NodeList list = sheet.getElementsByTagNameNS("*", "c");
        for (int i = 0; i < list.getLength(); i++) {
            Element cell = (Element) list.item(i);
            String type = cell.getAttribute("t");
            String value = type.equals("inlineStr") ? cell.getElementsByTagNameNS("*", "t").item(0).getTextContent()
                    : cell.getElementsByTagNameNS("*", "v").item(0).getTextContent();
            cells.put(cell.getAttribute("r"), List.of(type.isEmpty() ? "n" : type, value));
        }
        return cells;
    }

    @Test
    void writesTheFivePartsOfAWorkbookWithNumbersAsNumbersAndTextAsInlineStrings() throws Exception {
        Table table = new Table("service", List.of(new Table.Column("group", "Group"),
                new Table.Column("offered", "Offered"), new Table.Column("answerRate", "Answer rate"),
                new Table.Column("repeated", "Called again")),
                List.of(Arrays.asList("=cmd|' /C calc'!A0 <&> \"x\"", 12L, 0.75, true),
                        Arrays.asList("support\u0001", 0L, null, false)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Xlsx.write(table, bytes);

        Map<String, String> parts = parts(bytes.toByteArray());
        assertThat(parts).containsOnlyKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml");
        assertThat(parts.get("xl/workbook.xml")).contains("<sheet name=\"service\" sheetId=\"1\" r:id=\"rId1\"/>");
        Map<String, List<String>> cells = cells(parts.get("xl/worksheets/sheet1.xml"));
        assertThat(cells).containsEntry("A1", List.of("inlineStr", "Group"))
                .containsEntry("D1", List.of("inlineStr", "Called again"))
                .containsEntry("A2", List.of("inlineStr", "=cmd|' /C calc'!A0 <&> \"x\""))
                .containsEntry("B2", List.of("n", "12"))
                .containsEntry("C2", List.of("n", "0.75"))
                .containsEntry("D2", List.of("b", "1"))
                .containsEntry("A3", List.of("inlineStr", "support"))
                .containsEntry("B3", List.of("n", "0"))
                .containsEntry("D3", List.of("b", "0"))
                .doesNotContainKey("C3"); // no figure: no cell
        // every part is well-formed XML
        for (String name : parts.keySet()) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(parts.get(name).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void namesColumnsAsSpreadsheetsDo() {
        assertThat(Xlsx.column(0)).isEqualTo("A");
        assertThat(Xlsx.column(25)).isEqualTo("Z");
        assertThat(Xlsx.column(26)).isEqualTo("AA");
        assertThat(Xlsx.column(701)).isEqualTo("ZZ");
        assertThat(Xlsx.column(702)).isEqualTo("AAA");
    }

    @Test
    void makesSheetNamesExcelAccepts() {
        assertThat(Xlsx.sheetName("low-scores")).isEqualTo("low-scores");
        assertThat(Xlsx.sheetName("a/b[c]:d*e?f\\g")).isEqualTo("a_b_c__d_e_f_g");
        assertThat(Xlsx.sheetName("x".repeat(40))).hasSize(31);
    }

}

package org.callscore.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.callscore.notify.Campaign;
import org.callscore.notify.ImportFormat;
import org.callscore.notify.ImportReport;
import org.callscore.notify.NumberResult;
import org.callscore.notify.ResultQuery;
import org.callscore.testing.database.SwitchableDatabase;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Importing customers from CSV and XLSX into the real notify tables. */
class CustomerImportTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private CampaignBook book;
    private DoNotCallBook doNotCall;
    private Campaign campaign;

    @BeforeEach
    void freshCampaign() {
        Fixtures.freshTables();
        SwitchableDatabase db = new SwitchableDatabase(Fixtures.MARIADB);
        book = new CampaignBook(() -> db, clock, () -> Fixtures.PARIS);
        doNotCall = new DoNotCallBook(() -> db, clock);
        campaign = book.create(Fixtures.campaign("outage-north", 5, 5), "admin");
    }

    private static ByteArrayInputStream csv(String... lines) {
        return new ByteArrayInputStream((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyBadRowIsReportedByLineAndReasonAndTheGoodOnesAreAdded() {
        doNotCall.add("06 11 22 33 44", "asked by letter", "admin");
        ImportReport report = book.importCustomers(campaign.id(), ImportFormat.CSV, csv(
                "Number,Name,Zone,Account",
                "0612345678,Ada,Europe/Paris,A-1",          // 2 good
                "not a number,Bob,,",                       // 3 bad number
                "0698765432,Cy,Mars/Olympus,",              // 4 bad zone
                "06.12.34.56.78,Ada Again,,A-1b",           // 5 duplicate of line 2
                "+33 6 11 22 33 44,Dee,,",                  // 6 fine as written, but see below
                "06-11-22-33-44,Eve,,",                     // 7 on the do-not-call list
                "",                                         // 8 empty: skipped silently
                "0655555555,Fay,America/New_York,F-9,extra" // 9 more values than columns
        ), "admin");
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.bad()).extracting(ImportReport.BadRow::line).containsExactly(3, 4, 9);
        assertThat(report.bad().get(0).reason()).startsWith("number:");
        assertThat(report.bad().get(1).reason()).contains("zone").contains("Mars/Olympus");
        assertThat(report.bad().get(2).reason()).contains("more values");
        assertThat(report.duplicates()).containsExactly(new ImportReport.MergedDuplicate(5, "0612345678", 2));
        assertThat(report.doNotCall()).containsExactly(new ImportReport.SkippedNumber(7, "0611223344"));

        List<NumberResult> rows = book.results(campaign.id(), ResultQuery.page(0, 10)).rows();
        assertThat(rows).extracting(NumberResult::number).containsExactly("0612345678", "+33611223344");
        assertThat(rows.get(0).name()).as("the first row's name is kept").isEqualTo("Ada");
        assertThat(rows.get(0).fields()).containsEntry("account", "A-1");
        assertThat(rows.get(0).zone()).contains(Fixtures.PARIS);
    }

    private static ByteArrayInputStream bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    private static byte[] utf8(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void excelsCsvUtf8WithItsByteOrderMarkKeepsItsNumberColumn() {
        ImportReport report = book.importCustomers(campaign.id(), ImportFormat.CSV,
                bytes(BOM, utf8("number,name", "0612345678,Zoé", "06,Bad")), "admin");
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.bad()).extracting(ImportReport.BadRow::line).containsExactly(3);
        NumberResult first = book.results(campaign.id(), ResultQuery.page(0, 10)).rows().get(0);
        assertThat(first.number()).isEqualTo("0612345678");
        assertThat(first.name()).isEqualTo("Zoé");
        assertThat(first.fields()).as("no stray column named with the mark").isEmpty();
    }

    @Test
    void aSemicolonSeparatedFileAsExcelWritesItInEuropeIsReadWithItsBadRowsByLine() {
        ImportReport report = book.importCustomers(campaign.id(), ImportFormat.CSV, bytes(BOM, utf8(
                "Number;Name;Zone;Street",
                "0612345678;\"Sousa; Ana\";Europe/Lisbon;\"Rua Augusta, 12\"", // 2 good: ; and , inside quotes
                "06 98 76 54 32;Bruno;;Calle Mayor",                       // 3 good
                "abc;Carla;;",                                             // 4 bad number
                "0611111111;Duarte;Lisboa;",                               // 5 bad zone
                "0622222222;Eva;;;extra",                                  // 6 more values than columns
                "06.12.34.56.78;Ana again;;")), "admin");                  // 7 duplicate of line 2
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.bad()).extracting(ImportReport.BadRow::line).containsExactly(4, 5, 6);
        assertThat(report.bad().get(1).reason()).contains("'Lisboa'");
        assertThat(report.duplicates()).containsExactly(new ImportReport.MergedDuplicate(7, "0612345678", 2));
        List<NumberResult> rows = book.results(campaign.id(), ResultQuery.page(0, 10)).rows();
        assertThat(rows).extracting(NumberResult::number).containsExactly("0612345678", "0698765432");
        assertThat(rows.get(0).name()).isEqualTo("Sousa; Ana");
        assertThat(rows.get(0).fields()).containsEntry("street", "Rua Augusta, 12");
        assertThat(rows.get(0).zone()).contains(java.time.ZoneId.of("Europe/Lisbon"));
    }

    @Test
    void aTabSeparatedFileIsReadAndACommaFileWithSemicolonsInItsCellsStaysCommaSeparated() {
        ImportReport tabs = book.importCustomers(campaign.id(), ImportFormat.CSV,
                bytes(utf8("number\tname\tnote", "0612345678\tAda\tsee; below, twice")), "admin");
        assertThat(tabs.added()).isEqualTo(1);
        assertThat(tabs.bad()).isEmpty();
        ImportReport commas = book.importCustomers(campaign.id(), ImportFormat.CSV,
                bytes(utf8("number,name,note", "0700000001,Bob,a;b;c")), "admin");
        assertThat(commas.added()).isEqualTo(1);
        List<NumberResult> rows = book.results(campaign.id(), ResultQuery.page(0, 10)).rows();
        assertThat(rows.get(0).fields()).containsEntry("note", "see; below, twice");
        assertThat(rows.get(1).fields()).containsEntry("note", "a;b;c");
        ImportReport oneColumn = book.importCustomers(campaign.id(), ImportFormat.CSV,
                bytes(BOM, utf8("number", "0700000002")), "admin");
        assertThat(oneColumn.added()).as("one column, no separator at all").isEqualTo(1);
    }

    @Test
    void aNumberImportedAgainLaterIsMergedNotAddedTwice() {
        book.importCustomers(campaign.id(), ImportFormat.CSV, csv("number,name", "0612345678,Ada"), "admin");
        ImportReport again = book.importCustomers(campaign.id(), ImportFormat.CSV,
                csv("number,name,branch", "0612345678,Someone else,Lille", "0700000001,Gus,"), "admin");
        assertThat(again.added()).isEqualTo(1);
        assertThat(again.duplicates()).containsExactly(new ImportReport.MergedDuplicate(2, "0612345678", 0));
        NumberResult ada = book.results(campaign.id(), ResultQuery.page(0, 10)).rows().get(0);
        assertThat(ada.name()).isEqualTo("Ada");
        assertThat(ada.fields()).containsEntry("branch", "Lille");
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_number")).isEqualTo(2);
    }

    @Test
    void aFileWithoutANumberColumnIsRefusedAndNothingIsAdded() {
        assertThatThrownBy(() -> book.importCustomers(campaign.id(), ImportFormat.CSV, csv("phone,name", "0612345678,A"), "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'number' column");
        assertThatThrownBy(() -> book.importCustomers(campaign.id(), ImportFormat.XLSX, csv("number", "0612345678"), "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XLSX file cannot be read");
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_number")).isZero();
    }

    @Test
    void anXlsxFileIsReadFromItsFirstSheetNumbersTypedAsNumbersIncluded() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(file, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("customers");
            sheet.value(0, 0, "Number");
            sheet.value(0, 1, "Name");
            sheet.value(0, 2, "Zone");
            sheet.value(1, 0, 33612345678L); // typed as a number
            sheet.value(1, 1, "Ada");
            sheet.value(2, 0, "06 98 76 54 32");
            sheet.value(2, 1, "Bob");
            sheet.value(2, 2, "Asia/Tokyo");
            sheet.value(3, 0, "abc");
            sheet.value(4, 0, "33612345678"); // the first row's number again, as text
        }
        ImportReport report = book.importCustomers(campaign.id(), ImportFormat.XLSX,
                new ByteArrayInputStream(file.toByteArray()), "admin");
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.bad()).extracting(ImportReport.BadRow::line).containsExactly(4);
        assertThat(report.duplicates()).extracting(ImportReport.MergedDuplicate::line).containsExactly(5);
        assertThat(book.results(campaign.id(), ResultQuery.page(0, 10)).rows()).extracting(NumberResult::number)
                .containsExactly("33612345678", "0698765432");
    }

    @Test
    void aStoppedCampaignTakesNoMoreCustomers() {
        book.stop(campaign.id(), "admin");
        assertThatThrownBy(() -> book.importCustomers(campaign.id(), ImportFormat.CSV, csv("number", "0612345678"),
                "admin")).isInstanceOf(IllegalStateException.class).hasMessageContaining("STOPPED");
    }
}

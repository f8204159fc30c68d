package org.callscore.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

import org.callscore.notify.Campaign;
import org.callscore.notify.ImportFormat;
import org.callscore.notify.ImportReport;
import org.callscore.notify.NumberResult;
import org.callscore.notify.NumberState;
import org.callscore.notify.ResultQuery;
import org.callscore.support.rules.NumberPlan;
import org.callscore.testing.database.SwitchableDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the site's country set, a number written +33..., 0033... or in national form is one customer: for the
 * duplicates of an import, for the do-not-call list at the import and at dial time (the real notify tables).
 */
class NumberPlanImportTest {

    /** 10:00 in Paris: inside the fixtures' window. */
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SwitchableDatabase db = new SwitchableDatabase(Fixtures.MARIADB);
    /** The site's number plan as each test sets it: the books read it at each use, as they read the setting. */
    private Supplier<Optional<NumberPlan>> plan = Optional::empty;
    private final CampaignBook book = new CampaignBook(() -> db, clock, () -> Fixtures.PARIS, () -> plan.get());
    private final DoNotCallBook doNotCall = new DoNotCallBook(() -> db, clock, () -> plan.get());

    @BeforeEach
    void fresh() {
        Fixtures.freshTables();
    }

    private static ByteArrayInputStream csv(String... lines) {
        return new ByteArrayInputStream((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static NumberPlanSetting.Config config(String country, String trunk) {
        return new NumberPlanSetting.Config() {
            @Override
            public String country() {
                return country;
            }

            @Override
            public String trunk_prefix() {
                return trunk;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return NumberPlanSetting.Config.class;
            }
        };
    }

    @Test
    void inFranceTheThreeWritingsOfANumberAreOneCustomerAndOneDoNotCallEntry() {
        Optional<NumberPlan> france = NumberPlan.of("33", "0");
        plan = () -> france;
        Campaign campaign = book.create(Fixtures.campaign("outage-north", 5, 5), "admin");
        doNotCall.add("06 11 22 33 44", "asked by letter", "admin");

        ImportReport report = book.importCustomers(campaign.id(), ImportFormat.CSV, csv(
                "number,name",
                "06 12 34 56 78,Ada",          // 2
                "+33 6 12 34 56 78,Ada again", // 3 the same customer
                "0033612345678,Ada thrice",    // 4 the same again
                "+33611223344,Dee",            // 5 listed as 06 11 22 33 44
                "+44 20 7946 0018,Bob",        // 6 British: its own country kept
                "0,Bad"), "admin");            // 7 too short
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.duplicates()).extracting(ImportReport.MergedDuplicate::line, ImportReport.MergedDuplicate::firstLine)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 2), org.assertj.core.groups.Tuple.tuple(4, 2));
        assertThat(report.doNotCall()).containsExactly(new ImportReport.SkippedNumber(5, "+33611223344"));
        assertThat(report.bad()).extracting(ImportReport.BadRow::line).containsExactly(7);
        assertThat(book.results(campaign.id(), ResultQuery.page(0, 10)).rows()).extracting(NumberResult::number)
                .containsExactly("+33612345678", "+442079460018");

        ImportReport later = book.importCustomers(campaign.id(), ImportFormat.CSV, csv("number", "612345678"), "admin");
        assertThat(later.added()).isZero();
        assertThat(later.duplicates()).extracting(ImportReport.MergedDuplicate::firstLine).containsExactly(0);

        assertThat(doNotCall.contains("0033 6 11 22 33 44")).isTrue();
        assertThat(doNotCall.add("+33611223344", "again", "other").addedBy()).as("one entry, the first").isEqualTo("admin");
        assertThat(doNotCall.list()).hasSize(1);
    }

    @Test
    void aNumberListedInNationalFormAfterItsImportInInternationalFormIsNotCalled() {
        Optional<NumberPlan> portugal = NumberPlan.of("351", "");
        plan = () -> portugal;
        Campaign campaign = book.create(Fixtures.campaign("outage-lisbon", 5, 5), "admin");
        ImportReport report = book.importCustomers(campaign.id(), ImportFormat.CSV,
                csv("number", "+351 210 000 001", "00351210000001", "210000001", "+351210000002"), "admin");
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.duplicates()).hasSize(2);
        book.start(campaign.id(), "admin");
        doNotCall.add("210 000 001", "asked by phone to the call centre", "admin");

        DialStore.Claimed claimed = Fixtures.MARIADB.inTransaction(h -> DialStore.claim(h, campaign.id(), "node-a", NOW,
                NOW.plusSeconds(30), Fixtures.PARIS, NOW.minusSeconds(3600)));

        assertThat(claimed.claims()).extracting(DialStore.Claim::number).containsExactly("+351210000002");
        assertThat(book.results(campaign.id(), ResultQuery.page(0, 10)).rows()).extracting(NumberResult::state)
                .containsExactly(NumberState.DO_NOT_CALL, NumberState.IN_FLIGHT);
    }

    @Test
    void withoutACountryNumbersAreComparedAsWrittenAndAWrongCountryRefusesImportsAndListChanges() {
        NumberPlanSetting setting = new NumberPlanSetting(true);
        setting.update(config("", "0"));
        plan = setting::get;
        Campaign campaign = book.create(Fixtures.campaign("outage-south", 5, 5), "admin");
        assertThat(book.importCustomers(campaign.id(), ImportFormat.CSV, csv("number", "0612345678", "+33612345678"),
                "admin").added()).isEqualTo(2);

        setting.update(config("+33", "0"));
        assertThatThrownBy(() -> book.importCustomers(campaign.id(), ImportFormat.CSV, csv("number", "0700000001"),
                "admin")).isInstanceOf(IllegalStateException.class).hasMessageContaining("country: '+33'");
        assertThatThrownBy(() -> doNotCall.add("0700000001", "", "admin")).isInstanceOf(IllegalStateException.class);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM notify_number")).isEqualTo(2);

        setting.update(config("33", "0"));
        assertThat(doNotCall.add("0700000001", "", "admin").number()).isEqualTo("+33700000001");
    }
}

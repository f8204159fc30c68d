package org.callscore.notify.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.callscore.notify.internal.TestServices;
import org.callscore.testing.components.LogCapture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notify:* commands against the real notify services and MariaDB (the unit database): each operation logged
 * once with the console user, numbers masked in logs and lists, the do-not-call list in the site's zone.
 */
class ConsoleOperationsTest {

    /** 09:00 UTC is 10:00 in Lisbon in summer, 11:00 in Paris. */
    private static final Instant NOW = Instant.parse("2026-07-01T09:00:00Z");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @TempDir
    Path folder;

    private TestServices services;

    @BeforeEach
    void fresh() {
        services = TestServices.fresh(Clock.fixed(NOW, ZoneOffset.UTC), LISBON);
    }

    private <C extends NotifyCommand> C wired(C command) {
        command.campaigns = services.campaigns;
        command.doNotCall = services.doNotCall;
        command.siteZone = () -> LISBON;
        command.user = "maria";
        return command;
    }

    private String create(String name) throws Exception {
        CreateCommand create = wired(new CreateCommand());
        create.name = name;
        create.message = "custom/water-outage";
        create.firstDay = "2026-07-01";
        create.lastDay = "2026-07-02";
        create.dailyFrom = "09:00";
        create.dailyUntil = "19:00";
        return create.run();
    }

    private <C extends StateCommand> String state(C command, String campaign) {
        wired(command).campaign = campaign;
        return command.run();
    }

    private String dnc(String action, String number, boolean numbers) {
        DoNotCallCommand dnc = wired(new DoNotCallCommand());
        dnc.action = action;
        dnc.number = number;
        dnc.numbers = numbers;
        return dnc.run();
    }

    private static long lines(String log, String text) {
        return Arrays.stream(log.split("\n")).filter(l -> l.contains(text)).count();
    }

    @Test
    void everyCampaignOperationWritesOneLineWithTheConsoleUserAndWhatChanged() throws Exception {
        LogCapture log = LogCapture.mark();
        create("water-outage");
        Path file = Files.writeString(folder.resolve("customers.csv"),
                "number;name\r\n+351 210 000 001;Ana\r\nabc;Bad\r\n+351210000001;Ana again\r\n", StandardCharsets.UTF_8);
        ImportCommand importing = wired(new ImportCommand());
        importing.campaign = "water-outage";
        importing.file = file.toString();
        assertThat(importing.run()).contains("1 added, 1 bad, 1 duplicates merged");
        state(new StartCommand(), "water-outage");
        state(new PauseCommand(), "water-outage");
        state(new PauseCommand(), "water-outage");
        state(new ResumeCommand(), "water-outage");
        state(new StopCommand(), "water-outage");
        assertThatThrownBy(() -> state(new StartCommand(), "water-outage")).isInstanceOf(IllegalStateException.class);

        String written = log.since();
        assertThat(lines(written, "Notify console: maria created campaign water-outage (")).isEqualTo(1);
        assertThat(lines(written, "Notify console: maria imported " + file + " into campaign water-outage: 1 added, "
                + "1 bad rows, 1 duplicates merged, 0 on the do-not-call list")).isEqualTo(1);
        assertThat(lines(written, "Notify console: maria started campaign water-outage (DRAFT to RUNNING)")).isEqualTo(1);
        assertThat(lines(written, "Notify console: maria paused campaign water-outage (RUNNING to PAUSED)")).isEqualTo(1);
        assertThat(lines(written, "Notify console: maria paused campaign water-outage: it was PAUSED already, nothing "
                + "changed")).isEqualTo(1);
        assertThat(lines(written, "Notify console: maria resumed campaign water-outage (PAUSED to RUNNING)")).isEqualTo(1);
        assertThat(lines(written, "Notify console: maria stopped campaign water-outage (RUNNING to STOPPED)")).isEqualTo(1);
        assertThat(lines(written, "Notify console:")).as("the refused start changed nothing: no line").isEqualTo(7);
        assertThat(written).doesNotContain("210000001");
    }

    @Test
    void aDoNotCallChangeIsOneLineWithTheNumberMaskedAsTheDashboardMasksIt() throws Exception {
        LogCapture log = LogCapture.mark();
        dnc("add", "+351 210 000 007", false);
        dnc("add", "+351210000007", false); // already listed: nothing changed
        dnc("remove", "+351210000007", false);
        dnc("remove", "+351210000007", false); // not listed: nothing changed

        String written = log.since();
        assertThat(lines(written, "+351210000007")).as("never the whole number").isZero();
        assertThat(lines(written, "**********007 added by maria")).isEqualTo(1);
        assertThat(lines(written, "**********007 removed by maria")).isEqualTo(1);
        assertThat(lines(written, "007")).isEqualTo(2);
    }

    @Test
    void theDoNotCallListIsInTheSitesZoneWithNumbersMaskedUnlessAskedWhichIsLogged() throws Exception {
        assertThat(dnc("add", "0612345678", false)).contains("2026-07-01 10:00:00 Europe/Lisbon (maria): 0612345678");
        dnc("add", "+33 6 99 88 77 66", false);
        LogCapture log = LogCapture.mark();

        String masked = dnc("list", null, false);
        assertThat(masked).contains("added (Europe/Lisbon)").contains("*******678").contains("*********766")
                .contains("2026-07-01 10:00:00").doesNotContain("0612345678").doesNotContain("+33699887766")
                .doesNotContain("09:00:00").contains("--numbers");
        assertThat(log.since()).doesNotContain("do-not-call list");

        String full = dnc("list", null, true);
        assertThat(full).contains("0612345678").contains("+33699887766").contains("2026-07-01 10:00:00");
        assertThat(lines(log.since(), "Notify console: maria looked at the do-not-call list with its numbers in full "
                + "(2 numbers)")).isEqualTo(1);
    }

    @Test
    void resultsShowNumbersMaskedTheSameWayAndTheirFullListingIsLogged() throws Exception {
        create("water-outage");
        Path file = Files.writeString(folder.resolve("c.csv"), "number\n0612345678\n", StandardCharsets.UTF_8);
        ImportCommand importing = wired(new ImportCommand());
        importing.campaign = "water-outage";
        importing.file = file.toString();
        importing.run();
        LogCapture log = LogCapture.mark();
        ResultsCommand results = wired(new ResultsCommand());
        results.campaign = "water-outage";
        assertThat(results.run()).contains("*******678").doesNotContain("0612345678");
        results.numbers = true;
        assertThat(results.run()).contains("0612345678");
        assertThat(lines(log.since(), "Notify console: maria listed 1 numbers of campaign water-outage in full"))
                .isEqualTo(1);
    }
}

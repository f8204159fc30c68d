package org.callscore.notify.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.CampaignKeys;
import org.callscore.notify.CampaignWindow;
import org.callscore.notify.MachineHandling;
import org.callscore.notify.NotificationMessage;
import org.callscore.notify.RetryOutcome;
import org.callscore.notify.RetryRule;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;

/** What the notify tests share: fresh notify tables in the unit database, and a campaign definition. */
final class Fixtures {

    static final Jdbi MARIADB = UnitDatabase.jdbi();
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Fixtures() {
    }

    static void freshTables() {
        UnitDatabase.recreate(MARIADB, Path.of("src/main/resources/db/migration"), "notify_attempt", "notify_number",
                "notify_do_not_call", "notify_campaign");
    }

    /** Every day of 2026, 08:00 to 20:00 in each customer's zone (Paris by default), busy retried after 5 min. */
    static CampaignDefinition campaign(String name, int maxInFlight, int rate) {
        return new CampaignDefinition(name, NotificationMessage.sound("custom/outage"),
                new CampaignWindow(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalTime.of(8, 0),
                        LocalTime.of(20, 0), Optional.of(PARIS)),
                maxInFlight, rate, Map.of(RetryOutcome.BUSY, new RetryRule(Duration.ofMinutes(5), 3),
                        RetryOutcome.NO_ANSWER, new RetryRule(Duration.ofMinutes(30), 2)),
                MachineHandling.LEAVE_AFTER_BEEP, new CampaignKeys(Optional.of('1'), Optional.of('0'),
                        Optional.of("sales"), Optional.of('9')));
    }

    static int count(String sql, Object... args) {
        return MARIADB.withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Integer.class).one();
        });
    }
}

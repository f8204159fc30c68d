package org.callscore.callback.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.callscore.callback.Callbacks;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.files.RecordSpool;
import org.callscore.testing.database.SwitchableDatabase;

/** The real Callbacks service on fresh tables of the unit database, for tests outside this package (commands). */
public final class TestBooks {

    private TestBooks() {
    }

    /** @return the service; close the writer it was given when done */
    public static Callbacks fresh(Path spool, BoundedWriter writer, Clock clock, ZoneId site) {
        Fixtures.freshTables();
        CallbackSettings settings = Fixtures.settings(Map.of(), Map.of());
        return new CallbackBook(new RecordSpool(spool, ".request", (file, why) -> { }),
                () -> new SwitchableDatabase(Fixtures.MARIADB), writer, clock, () -> site, () -> settings,
                (queue, zone) -> settings.hours(queue, zone, Map.of()));
    }

    /** @return a writer whose bound no write reaches on a loaded test machine: its users are not about the bound */
    public static BoundedWriter writer() {
        return new BoundedWriter("callback", Duration.ofSeconds(10), 2, 10);
    }
}

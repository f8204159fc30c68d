package org.callscore.callback.internal;

import java.nio.file.Path;
import java.util.Map;

import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;

/** What the callback tests share: the unit database's callback tables, made fresh, and settings from cfg lines. */
final class Fixtures {

    static final Jdbi MARIADB = UnitDatabase.jdbi();

    private Fixtures() {
    }

    static void freshTables() {
        UnitDatabase.recreate(MARIADB, Path.of("src/main/resources/db/migration"), "callback_feed",
                "callback_change", "callback_attempt", "callback_queue_claim", "callback");
    }

    /** @param lines cfg lines by property name, e.g. {@code hours.sales = office} */
    static CallbackSettings settings(Map<String, Object> values, Map<String, Object> lines) {
        return new CallbackSettings(ComponentConfig.of(CallbackConfig.class, values), lines);
    }

    static int count(String sql) {
        return MARIADB.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}

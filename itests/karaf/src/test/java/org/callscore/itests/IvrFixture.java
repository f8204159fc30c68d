package org.callscore.itests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;

/** Menu files and calendars in the running Karaf's etc/callscore/ivr, and the visits the IVR module stored. */
final class IvrFixture {

    /** main: 1 sales, 2 a chain of ten submenus (key 1 goes one deeper), 3 a goto; agent key 0; retries 2. */
    static final String MENU;

    static {
        StringBuilder text = new StringBuilder(String.join("\n",
                "agent = itest-agents",
                "on.failure = queue:itest-operator",
                "menu.main.prompt = itest/welcome, itest/main",
                "menu.main.key.1 = menu:sales",
                "menu.main.key.2 = menu:d1",
                "menu.main.key.3 = goto:itest-context,s,1",
                "menu.sales.prompt = itest/sales",
                "menu.sales.key.1 = queue:itest-sales",
                "menu.sales.key.* = back",
                ""));
        for (int level = 1; level <= 10; level++) {
            text.append("menu.d").append(level).append(".prompt = itest/level").append(level).append('\n');
            if (level < 10) {
                text.append("menu.d").append(level).append(".key.1 = menu:d").append(level + 1).append('\n');
            }
        }
        MENU = text.toString();
    }

    /** One opening hour in January 2020, never again: the site is always closed. */
    static final String NEVER_OPEN = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CallScore//itest//EN\r\n"
            + "BEGIN:VEVENT\r\nUID:once@itest\r\nDTSTAMP:20200101T000000Z\r\nDTSTART:20200106T080000\r\n"
            + "DTEND:20200106T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private IvrFixture() {
    }

    static Path folder() {
        return Path.of(System.getProperty("karaf.etc"), "callscore", "ivr");
    }

    /** Writes a menu or calendar file as an editor saves it. */
    static void write(String fileName, String text) throws IOException {
        EditorSave.write(folder().resolve(fileName), text);
    }

    static Map<String, Object> visit(Jdbi jdbi, String uniqueId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, tree, uniqueid, linkedid, entry_menu, exit_menu, path, "
                + "keys_pressed, exit_type, exit_target, status, agent_requested, caller_hung_up, site_open, "
                + "duration_ms FROM ivr_visit WHERE uniqueid = :u").bind("u", uniqueId).mapToMap().one());
    }

    static int visits(Jdbi jdbi, String uniqueId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ivr_visit WHERE uniqueid = :u")
                .bind("u", uniqueId).mapTo(Integer.class).one());
    }
}

package org.callscore.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.callscore.ivr.BusinessHours;
import org.callscore.ivr.Menu;
import org.callscore.ivr.MenuTree;
import org.callscore.testing.files.FileMutations;
import org.junit.jupiter.api.Test;

/**
 * Random edits of the shipped example menu file and calendars: every one either parses (and then answers a
 * call's questions) or is refused with an {@link IvrFileException} naming the file and the key, never with
 * another exception.
 */
class IvrFileFuzzTest {

    private static final Path EXAMPLES = Path.of("../../feature-repo/distribution/src/main/resources/assembly/etc/"
            + "callscore/ivr");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int CASES = 4_000;
    private static final List<Instant> CALL_TIMES = List.of(Instant.parse("2026-03-29T00:30:00Z"),
            Instant.parse("2026-12-24T09:00:00Z"), Instant.parse("2027-01-01T12:00:00Z"));
    private static final List<String> MENU_VOCABULARY = List.of("menu.main.key.1", "menu.support.key.1",
            "menu.closed.key.1", "menu.main.direct.dial", "menu.support.direct.dial", "menu.main.closed",
            "menu.main.on.failure", "menu.closed.on.failure", "menu.support.hours", "menu.other.prompt", "menu..prompt",
            "menu.main.key.", "menu.main.key.10", "menu.main.key.0", "start", "agent.key", "3XX", "[1-5]XX", "[135]",
            "[0-9]", "[9-1]XX", "3[5-2]X", "1", "0", "#", "*", "**", "office-hours", "holidays", "office-hours, holidays", "nowhere",
            "menu:support", "menu:closed", "menu:nowhere", "beep,", ",beep", "beep,,beep", "hello-world/");
    private static final List<String> CALENDAR_VOCABULARY = List.of("BEGIN:VEVENT", "END:VEVENT", "BEGIN:VCALENDAR",
            "END:VCALENDAR", "BEGIN:VTIMEZONE", "BEGIN:VALARM", "DTSTART", "DTEND", "RRULE", "EXDATE", "DURATION",
            "CATEGORIES", "DTSTART;TZID=Europe/Berlin", "DTSTART;TZID=Mars/Olympus", "DTSTART;VALUE=DATE",
            "20260105T080000", "20260105T080000Z", "20260105", "20261301T250000", "2026", "T080000", "-20260105",
            "FREQ=WEEKLY;BYDAY=MO,TU", "FREQ=WEEKLY;BYDAY=XX", "FREQ=SECONDLY", "FREQ=MINUTELY;COUNT=5",
            "FREQ=DAILY;UNTIL=20250101", "FREQ=DAILY;UNTIL=20270101T000000Z", "FREQ=YEARLY;COUNT=-1",
            "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=YEARLY;BYWEEKNO=54", "FREQ=DAILY;INTERVAL=0",
            "FREQ=DAILY;INTERVAL=-1", "FREQ=", "FREQ=HOURLY;BYSETPOS=-400", "P1D", "-P1D", "PT0S", "P", "PTXH",
            "CLOSED", "HOLIDAY", "CLOSED,HOLIDAY", "20260105T080000/20260105T090000");

    private static String example(String file) throws Exception {
        return Files.readString(EXAMPLES.resolve(file));
    }

    private static Map<String, BusinessHours.Calendar> calendars() throws Exception {
        return Map.of("office-hours", CalendarFile.parse("office-hours", example("office-hours.ics")),
                "holidays", CalendarFile.parse("holidays", example("holidays.ics")));
    }

    @Test
    void everyMalformedMenuFileIsRefusedNamingTheFileAndTheKey() throws Exception {
        String example = example("main.ivr");
        Map<String, BusinessHours.Calendar> calendars = calendars();
        IvrFile.parse("main", example, calendars, ZONE);
        List<String> escapes = new ArrayList<>();
        int refused = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            String text = FileMutations.mutate(example, new Random(seed), '=', MENU_VOCABULARY);
            try {
                MenuTree tree = IvrFile.parse("main", text, calendars, ZONE);
                for (Menu menu : tree.menus().values()) {
                    // what a call asks of a menu
                    assertThat(menu.prompts()).as("seed %d: prompts of %s", seed, menu.id()).isNotEmpty();
                    menu.longestExtension();
                    menu.mayDialDirectly('3');
                    menu.dialable("300");
                    menu.hours().ifPresent(h -> CALL_TIMES.forEach(h::isOpen));
                }
            } catch (IvrFileException e) {
                refused++;
                expectNamed(escapes, seed, e, "main.ivr");
            } catch (Throwable t) { // NOPMD: anything else is what this test looks for
                escapes.add("seed " + seed + ": " + t + " for " + FileMutations.shown(text));
            }
        }
        assertThat(escapes).as("escapes").isEmpty();
        // some cases parse, most do not: the edits reach past the first check
        assertThat(refused).as("cases refused").isBetween(CASES / 20, CASES - CASES / 50);
    }

    @Test
    void everyMalformedCalendarIsRefusedNamingTheFile() throws Exception {
        List<String> escapes = new ArrayList<>();
        int refused = 0;
        for (String name : List.of("office-hours", "holidays")) {
            String example = example(name + ".ics");
            for (long seed = 1; seed <= CASES / 2; seed++) {
                String text = FileMutations.mutate(example, new Random(seed), ':', CALENDAR_VOCABULARY);
                try {
                    BusinessHours.Calendar calendar = CalendarFile.parse(name, text);
                    BusinessHours hours = BusinessHours.of(List.of(calendar), List.of(calendar), ZONE);
                    CALL_TIMES.forEach(hours::isOpen); // what a call asks of it
                } catch (IvrFileException e) {
                    refused++;
                    expectNamed(escapes, seed, e, name + ".ics");
                } catch (Throwable t) { // NOPMD: anything else is what this test looks for
                    escapes.add(name + " seed " + seed + ": " + t + " for " + FileMutations.shown(text));
                }
            }
        }
        assertThat(escapes).as("escapes").isEmpty();
        // some cases parse, most do not: the edits reach past the first check
        assertThat(refused).as("cases refused").isBetween(CASES / 20, CASES - CASES / 50);
    }

    private static void expectNamed(List<String> escapes, long seed, IvrFileException e, String file) {
        if (!e.file().equals(file) || e.key().isBlank() || !e.getMessage().startsWith(file + ": " + e.key() + " ")) {
            escapes.add("seed " + seed + ": message does not name the file and key: " + e.getMessage());
        }
    }
}

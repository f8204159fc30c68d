package org.callscore.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.callscore.ivr.BusinessHours;
import org.callscore.ivr.Menu;
import org.callscore.ivr.MenuTree;
import org.junit.jupiter.api.Test;

/** Mistakes the fuzz found (or that are known): each is refused naming the file and the key, nothing else. */
class IvrFileMistakesTest {

    private static final String MENU = "agent = support\nmenu.main.prompt = beep\nmenu.main.key.1 = queue:sales\n";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static MenuTree parse(String text) {
        return IvrFile.parse("main", text, Map.of(), ZONE);
    }

    /** @return the refusal of this menu file, an {@link IvrFileException}, for the test to check its message */
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String text) {
        return assertThatThrownBy(() -> parse(text)).isInstanceOf(IvrFileException.class);
    }

    @Test
    void aBackwardsRangeInDirectDialIsRefusedNamingTheKey() {
        refused(MENU + "menu.main.direct.dial = [9-1]XX\n")
                .hasMessage("main.ivr: menu.main.direct.dial '[9-1]XX': the range [9-1] runs backwards (write [1-9])");
        refused(MENU + "menu.main.direct.dial = 3XX, [2-\n")
                .hasMessageStartingWith("main.ivr: menu.main.direct.dial '[2-' is not an extension pattern");
        refused(MENU + "menu.main.direct.dial = 3XX,\n")
                .hasMessageStartingWith("main.ivr: menu.main.direct.dial '' is not an extension pattern");
    }

    @Test
    void directDialStillAcceptsAsteriskPatterns() {
        Menu main = parse(MENU + "menu.main.direct.dial = 3XX, 4[0-4]X, 5[135]N, 6Z\n").startMenu();
        assertThat(List.of("399", "445", "532")).allMatch(main::dialable);
        assertThat(List.of("455", "521", "60")).noneMatch(main::dialable);
        assertThat(main.longestExtension()).isEqualTo(3);
    }

    @Test
    void aLongDirectDialPatternIsRefusedInsteadOfOverflowingTheStack() {
        refused(MENU + "menu.main.direct.dial = " + "[1]".repeat(20_000) + "\n")
                .hasMessageContaining("menu.main.direct.dial").hasMessageContaining("at most 40 digits");
    }

    @Test
    void aPromptListWithAnEmptySoundIsRefused() {
        // "," alone used to make a menu without prompts, which a call cannot play
        refused(MENU.replace("= beep", "= ,"))
                .hasMessageStartingWith("main.ivr: menu.main.prompt '' is not an Asterisk sound name");
        refused(MENU.replace("= beep", "= beep,"))
                .hasMessageStartingWith("main.ivr: menu.main.prompt '' is not an Asterisk sound name");
    }

    @Test
    void aLongSoundNameIsRefusedInsteadOfOverflowingTheStack() {
        String sound = "a/".repeat(20_000) + "a";
        refused(MENU.replace("= beep", "= " + sound))
                .hasMessageStartingWith("main.ivr: menu.main.prompt 'a/a/a/").hasMessageContaining("...' is not an "
                        + "Asterisk sound name").hasMessageContaining("at most 255 characters");
        refused(MENU + "menu.main.key.2 = play:" + sound + "\n").hasMessageContaining("menu.main.key.2");
    }

    @Test
    void aBrokenEscapeIsRefusedAsNotPropertiesSyntax() {
        refused(MENU + "agent = \\u12\n").hasMessageStartingWith("main.ivr: (file) is not in properties syntax: ");
    }

    @Test
    void aLineWithoutAKeyIsRefusedSayingSo() {
        refused(MENU + "= queue:sales\n")
                .hasMessage("main.ivr: (no key) a line starts with '=' or ':' (its value 'queue:sales'): every setting "
                        + "is KEY = VALUE");
    }

    @Test
    void numbersOutsideTheRangeOrInOtherDigitsAreRefused() {
        refused(MENU + "retries = 99999999999999999999\n")
                .hasMessage("main.ivr: retries '99999999999999999999' is not a whole number in 0..9");
        refused(MENU + "retries = \u0663\n").hasMessageStartingWith("main.ivr: retries");
        assertThat(parse(MENU + "retries = 3\n").startMenu().retries()).isEqualTo(3);
    }

    @Test
    void controlCharactersInAValueAreShownNotWrittenIntoTheLog() {
        refused(MENU + "agent = sup\\nport\n").hasMessage("main.ivr: agent 'sup\\x0aport' is not a queue name");
    }

    @Test
    void aTreeThousandsOfMenusDeepIsChecked() {
        int depth = 20_000;
        StringBuilder text = new StringBuilder("agent = support\nstart = m0\n");
        for (int i = 0; i < depth; i++) {
            text.append("menu.m").append(i).append(".prompt = beep\n");
            if (i + 1 < depth) {
                text.append("menu.m").append(i).append(".key.1 = menu:m").append(i + 1).append('\n');
            }
        }
        assertThat(IvrFile.parse("deep", text.toString(), Map.of(), ZONE).depth()).isEqualTo(depth);

        text.append("menu.m").append(depth - 1).append(".on.failure = menu:m0\n");
        assertThatThrownBy(() -> IvrFile.parse("deep", text.toString(), Map.of(), ZONE))
                .isInstanceOf(IvrFileException.class)
                .hasMessage("deep.ivr: on.failure of menu m" + (depth - 1) + " makes a loop: menu m0 leads "
                        + "back to itself (m0 -> m1 -> m2 -> m3 -> m4 -> m5 -> ... (19990 more) -> m19996 -> m19997 -> "
                        + "m19998 -> m19999 -> m0); use back or top to go up");
    }

    @Test
    void aCalendarOfDeeplyNestedComponentsIsRefusedNamingTheFile() {
        // ical4j parses nested components by recursion: deep nesting overflowed the stack, past the parser's catch
        String nested = "BEGIN:VALARM\r\n".repeat(100_000);
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n" + nested;
        assertThatThrownBy(() -> CalendarFile.parse("office", text)).isInstanceOf(IvrFileException.class)
                .hasMessageStartingWith("office.ics: (file) is not an iCalendar file");
    }

    @Test
    void garbageIsNotACalendar() {
        for (String garbage : List.of("", "\u0000\u0001\u0002", "BEGIN:VCALENDAR", "BEGIN:VCALENDAR\r\nEND:VEVENT\r\n",
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260105T080000\r\nRRULE:FREQ=WEEKLY;BYDAY=XX\r\n"
                        + "END:VEVENT\r\nEND:VCALENDAR\r\n")) {
            assertThatThrownBy(() -> CalendarFile.parse("office", garbage)).as(garbage)
                    .isInstanceOf(IvrFileException.class).hasMessageStartingWith("office.ics: ");
        }
    }
}

package org.callscore.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.callscore.ivr.Action;
import org.callscore.ivr.BusinessHours;
import org.callscore.ivr.BusinessHoursTest;
import org.callscore.ivr.Menu;
import org.callscore.ivr.MenuTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IvrFileTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String MAIN = String.join("\n",
            "agent = support",
            "menu.main.prompt = callscore/welcome, callscore/main-menu",
            "menu.main.key.1 = menu:sales",
            "menu.main.key.2 = queue:support",
            "menu.main.key.3 = play:callscore/opening-hours",
            "menu.main.key.9 = repeat",
            "menu.sales.prompt = callscore/sales",
            "menu.sales.key.1 = queue:sales",
            "menu.sales.key.2 = extension:201",
            "menu.sales.key.3 = goto:callscore-ping,s,1",
            "menu.sales.key.4 = survey:after-call",
            "menu.sales.key.5 = hangup",
            "menu.sales.key.* = back",
            "menu.sales.key.# = top",
            "");

    static MenuTree parse(String text) {
        return IvrFile.parse("main", text, Map.of(), BERLIN);
    }

    /** docs/ivr.md offers a callback with goto: into the shipped capture context; the menu file takes it. */
    @Test
    void aCallbackRequestIsAGotoIntoTheShippedCaptureContext() {
        MenuTree tree = parse(MAIN.replace("menu.main.key.9 = repeat", "menu.main.key.9 = repeat\n"
                + "menu.main.key.4 = goto:callscore-callback-request,sales,1"));

        assertThat(tree.startMenu().keys().get('4'))
                .isEqualTo(new Action(Action.Type.GOTO, "callscore-callback-request,sales,1"));
    }

    @Test
    void aMenuFileIsReadWithItsDefaults() {
        MenuTree tree = parse(MAIN);

        assertThat(tree.start()).isEqualTo("main");
        assertThat(tree.agentKey()).isEqualTo('0');
        assertThat(tree.agentQueue()).isEqualTo("support");
        assertThat(tree.depth()).isEqualTo(2);
        assertThat(tree.version()).hasSize(64);
        Menu main = tree.startMenu();
        assertThat(main.prompts()).containsExactly("callscore/welcome", "callscore/main-menu");
        assertThat(main.timeoutSeconds()).isEqualTo(5);
        assertThat(main.retries()).isEqualTo(2);
        assertThat(main.invalidSound()).isEqualTo("pm-invalid-option");
        assertThat(main.onFailure()).isEqualTo(Action.of(Action.Type.AGENT));
        assertThat(main.keys().get('1')).isEqualTo(new Action(Action.Type.MENU, "sales"));
        assertThat(main.keys().get('3')).isEqualTo(new Action(Action.Type.PLAY, "callscore/opening-hours"));
        Menu sales = tree.menu("sales");
        assertThat(sales.keys().get('3')).isEqualTo(new Action(Action.Type.GOTO, "callscore-ping,s,1"));
        assertThat(sales.keys().get('*').type()).isEqualTo(Action.Type.BACK);
        assertThat(sales.keys().get('#').type()).isEqualTo(Action.Type.TOP);
    }

    @Test
    void depthIsUnlimited() {
        StringBuilder text = new StringBuilder("agent = support\n");
        for (int level = 1; level <= 15; level++) {
            String id = level == 1 ? "main" : "level" + level;
            text.append("menu.").append(id).append(".prompt = p").append(level).append('\n');
            if (level < 15) {
                text.append("menu.").append(id).append(".key.1 = menu:level").append(level + 1).append('\n');
            }
            text.append("menu.").append(id).append(".key.* = back\n");
        }

        MenuTree tree = parse(text.toString());

        assertThat(tree.depth()).isEqualTo(15);
        assertThat(tree.menus()).hasSize(15);
    }

    @Test
    void aSubmenuChainLeadingBackIsALoopNamingTheMenus() {
        String text = MAIN + "menu.sales.key.6 = menu:deeper\nmenu.deeper.prompt = d\nmenu.deeper.key.1 = menu:main\n";

        assertThatThrownBy(() -> parse(text)).isInstanceOf(IvrFileException.class)
                .hasMessage("main.ivr: menu.deeper.key.1 makes a loop: menu main leads back to itself "
                        + "(main -> sales -> deeper -> main); use back or top to go up");
    }

    @Test
    void aLoopWithoutAnyKeyThroughFailuresAndClosedHoursIsRefused() {
        String text = "agent = support\non.failure = menu:other\nmenu.main.prompt = p\nmenu.main.key.1 = queue:q\n"
                + "menu.other.prompt = o\nmenu.other.on.failure = menu:main\n";

        assertThatThrownBy(() -> parse(text)).hasMessageContaining("makes a loop: menu main leads back to itself "
                + "(main -> other -> main)");
    }

    @Test
    void aMenuThatIsItsOwnSubmenuIsALoop() {
        assertThatThrownBy(() -> parse(MAIN + "menu.sales.key.7 = menu:sales\n"))
                .hasMessage("main.ivr: menu.sales.key.7 makes a loop: menu sales leads back to itself (sales -> sales); "
                        + "use back or top to go up");
    }

    @Test
    void backRepeatAndTopAreNotLoops() {
        MenuTree tree = parse(MAIN + "menu.sales.key.8 = repeat\n");

        assertThat(tree.menus()).hasSize(2);
    }

    /** A setting added to {@link #MAIN} that is refused, and the whole message naming the file and the key. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            menu.main.promt = x                         | main.ivr: menu.main.promt is not a menu setting (misspelt?)
            agnet = x                                   | main.ivr: agnet is not a menu file setting (misspelt?)
            menu.main.key.5 = extension:1,2&PJSIP/evil  | main.ivr: menu.main.key.5 'extension:1,2&PJSIP/evil': \
            '1,2&PJSIP/evil' is not a valid extension target
            menu.main.key.12 = hangup                   | main.ivr: menu.main.key.12 '12' is not a key (0-9, * or #)
            menu.main.direct.dial = 2XX                 | main.ivr: menu.main.direct.dial '2XX' can start with key 2, \
            which has an action in this menu
            """)
    void aMistakeIsNamedByItsKey(String setting, String message) {
        assertThatThrownBy(() -> parse(MAIN + setting + "\n")).hasMessage(message);
    }

    /** A setting added to {@link #MAIN} that is refused, and how the message naming the file and the key starts. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            menu.main.key.0 = queue:x       | main.ivr: menu.main.key.0 is the agent key
            menu.main.key.5 = dial:100      | main.ivr: menu.main.key.5 'dial:100' is not an action
            on.failure = back               | main.ivr: on.failure 'back' cannot be used here
            menu.main.closed = hangup       | main.ivr: menu.main.hours is required with closed
            menu.sales.key.6 = menu:salse   | main.ivr: menu.sales.key.6 'menu:salse' names no menu of this file
            menu.orphan.prompt = o          | main.ivr: menu.orphan is not reachable from the start menu main
            on.failure = menu:nowhere       | main.ivr: on.failure 'menu:nowhere' names no menu of this file
            menu.main.direct.dial = X1      | main.ivr: menu.main.direct.dial 'X1' can start with key 1
            menu.main.direct.dial = 4.      | main.ivr: menu.main.direct.dial '4.' is not an extension pattern
            """)
    void aMistakeIsNamedByItsKeyFirst(String setting, String start) {
        assertThatThrownBy(() -> parse(MAIN + setting + "\n")).hasMessageStartingWith(start);
    }

    @Test
    void badReferencesAreNamed() {
        assertThatThrownBy(() -> parse(MAIN.replace("agent = support", "agent = support\nstart = welcome")))
                .hasMessageStartingWith("main.ivr: start 'welcome' is not a menu of this file");
        assertThatThrownBy(() -> parse(MAIN + "menu.main.hours = office\nmenu.main.closed = hangup\n"))
                .hasMessageStartingWith("main.ivr: menu.main.hours 'office' names no calendar (no usable file office.ics");
    }

    @Test
    void mistakesAreNamedByKey() {
        assertThatThrownBy(() -> parse(MAIN.replace("callscore/sales", "../../etc/passwd"))).hasMessageStartingWith(
                "main.ivr: menu.sales.prompt '../../etc/passwd' is not an Asterisk sound name");
        assertThatThrownBy(() -> parse(MAIN.replace("agent = support", ""))).hasMessageStartingWith(
                "main.ivr: agent is required");
        assertThatThrownBy(() -> IvrFile.parse("Main", MAIN, Map.of(), BERLIN)).hasMessageStartingWith(
                "Main.ivr: name must be");
    }

    @Test
    void directDiallingTakesExtensionPatternsThatNoKeyStarts() {
        MenuTree tree = parse(MAIN + "menu.main.direct.dial = 4XX, 5[0-4]X, 6NZ\n");
        Menu main = tree.startMenu();

        assertThat(List.of("401", "549", "621")).allMatch(main::dialable);
        assertThat(List.of("559", "611")).noneMatch(main::dialable);
        assertThat(main.longestExtension()).isEqualTo(3);
        assertThat(main.mayDialDirectly('4')).isTrue();
        assertThat(main.mayDialDirectly('1')).isFalse();
        assertThat(main.mayDialDirectly('8')).isFalse();
    }

    @Test
    void aMenuRoutesOnHoursFromCalendars() {
        var office = CalendarFile.parse("office", BusinessHoursTest.OFFICE);
        MenuTree tree = IvrFile.parse("main", MAIN + "menu.main.hours = office\nmenu.main.closed = menu:night\n"
                + "menu.night.prompt = closed\nmenu.night.key.1 = hangup\n", Map.of("office", office), BERLIN);

        assertThat(tree.startMenu().hours()).isPresent();
        assertThat(tree.startMenu().whenClosed()).contains(new Action(Action.Type.MENU, "night"));
    }
}

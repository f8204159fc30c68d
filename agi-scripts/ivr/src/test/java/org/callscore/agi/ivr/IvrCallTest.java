package org.callscore.agi.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.callscore.ivr.Action;
import org.callscore.ivr.BusinessHours;
import org.callscore.ivr.IvrVisit;
import org.callscore.ivr.MenuTree;
import org.callscore.ivr.internal.CalendarFile;
import org.callscore.ivr.internal.IvrFile;
import org.junit.jupiter.api.Test;

class IvrCallTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String ESCAPE = "\"" + IvrCall.KEYS + "\"";
    static final String MAIN = String.join("\n",
            "agent = support",
            "retries = 1",
            "on.failure = queue:operator",
            "menu.main.prompt = welcome, main-menu",
            "menu.main.key.1 = menu:sales",
            "menu.main.key.2 = queue:support",
            "menu.main.key.3 = play:opening-hours",
            "menu.main.key.9 = repeat",
            "menu.main.direct.dial = 4XX",
            "menu.sales.prompt = sales",
            "menu.sales.timeout.seconds = 7",
            "menu.sales.key.1 = queue:sales",
            "menu.sales.key.2 = goto:internal,201,1",
            "menu.sales.key.3 = survey:after-call",
            "menu.sales.key.* = back",
            "menu.sales.key.# = top",
            "");

    private static MenuTree tree(String text) {
        return IvrFile.parse("main", text, Map.of(), BERLIN);
    }

    private static IvrCall run(MenuTree tree, ScriptedChannel script) throws AgiException {
        IvrCall call = new IvrCall(script.channel(), tree, Instant::now);
        call.run();
        return call;
    }

    @Test
    void aKeyDuringThePromptChoosesAtOnceWithoutWaitingOutTheTimeout() throws Exception {
        ScriptedChannel script = new ScriptedChannel().duringPrompts("1", "1");

        IvrCall call = run(tree(MAIN), script);

        assertThat(call.exit()).contains(new Action(Action.Type.QUEUE, "sales"));
        assertThat(call.status()).isEqualTo("selected");
        assertThat(call.path()).isEqualTo("main:1 sales:1");
        assertThat(script.commands).containsExactly("STREAM FILE \"welcome\" " + ESCAPE,
                "STREAM FILE \"sales\" " + ESCAPE);
        assertThat(script.count("WAIT FOR DIGIT")).isZero();
    }

    @Test
    void aKeyAfterThePromptsIsReadWithTheMenusTimeout() throws Exception {
        ScriptedChannel script = new ScriptedChannel().duringPrompts("", "", "").afterPrompts("1", "2");

        IvrCall call = run(tree(MAIN), script);

        assertThat(call.exit()).contains(new Action(Action.Type.GOTO, "internal,201,1"));
        assertThat(script.commands).containsExactly("STREAM FILE \"welcome\" " + ESCAPE,
                "STREAM FILE \"main-menu\" " + ESCAPE, "WAIT FOR DIGIT 5000",
                "STREAM FILE \"sales\" " + ESCAPE, "WAIT FOR DIGIT 7000");
    }

    @Test
    void silenceAndInvalidKeysAreRetriedThenTheFinalDestination() throws Exception {
        // retries = 1: silence, then 7 (no such key): the caller goes to on.failure
        ScriptedChannel script = new ScriptedChannel().afterPrompts("", "7");

        IvrCall call = run(tree(MAIN), script);

        assertThat(call.exit()).contains(new Action(Action.Type.QUEUE, "operator"));
        assertThat(call.status()).isEqualTo("retries-exhausted");
        assertThat(call.path()).isEqualTo("main:t main:7");
        assertThat(call.agentRequested()).isFalse();
        assertThat(script.count("STREAM FILE \"pm-invalid-option\"")).as("no invalid sound after the last try").isZero();
    }

    @Test
    void anInvalidKeyPlaysTheInvalidSoundThatAKeyCanInterrupt() throws Exception {
        // 8 is invalid; during "pm-invalid-option" the caller presses 2: taken at once, prompts not replayed
        ScriptedChannel script = new ScriptedChannel().duringPrompts("8", "2");

        IvrCall call = run(tree(MAIN), script);

        assertThat(call.exit()).contains(new Action(Action.Type.QUEUE, "support"));
        assertThat(call.path()).isEqualTo("main:8 main:2");
        assertThat(script.commands).containsExactly("STREAM FILE \"welcome\" " + ESCAPE,
                "STREAM FILE \"pm-invalid-option\" " + ESCAPE);
    }

    @Test
    void theAgentKeyWorksFromADeepSubmenu() throws Exception {
        StringBuilder text = new StringBuilder(MAIN).append("menu.sales.key.4 = menu:deep2\n");
        for (int level = 2; level <= 12; level++) {
            text.append("menu.deep").append(level).append(".prompt = deep").append(level).append('\n');
            if (level < 12) {
                text.append("menu.deep").append(level).append(".key.4 = menu:deep").append(level + 1).append('\n');
            }
        }
        MenuTree tree = tree(text.toString());
        assertThat(tree.depth()).isEqualTo(13);
        ScriptedChannel script = new ScriptedChannel().duringPrompts("1", "4", "4", "4", "4", "4", "4", "4", "4", "4",
                "4", "4", "0");

        IvrCall call = run(tree, script);

        assertThat(call.exit()).contains(new Action(Action.Type.AGENT, "support"));
        assertThat(call.status()).isEqualTo("agent");
        assertThat(call.agentRequested()).isTrue();
        assertThat(call.exitMenu()).isEqualTo("deep12");
        assertThat(call.path()).endsWith("deep11:4 deep12:0");
    }

    @Test
    void backTopRepeatAndPlayReturnToAMenu() throws Exception {
        // main 1 -> sales; * back to main; 9 repeat; 3 plays information, during which 1 -> sales; # top; 2
        ScriptedChannel script = new ScriptedChannel().duringPrompts("1", "*", "9", "3", "1", "#", "2");

        IvrCall call = run(tree(MAIN), script);

        assertThat(call.path()).isEqualTo("main:1 sales:* main:9 main:3 main:1 sales:# main:2");
        assertThat(call.exit()).contains(new Action(Action.Type.QUEUE, "support"));
        assertThat(script.count("STREAM FILE \"opening-hours\"")).isEqualTo(1);
    }

    @Test
    void anExtensionCanBeDialledDirectly() throws Exception {
        ScriptedChannel script = new ScriptedChannel().duringPrompts("4").afterPrompts("0", "7");

        IvrCall call = run(tree(MAIN), script);

        assertThat(call.exit()).contains(new Action(Action.Type.EXTENSION, "407"));
        assertThat(call.path()).isEqualTo("main:407");
        assertThat(script.commands).contains("WAIT FOR DIGIT 3000");
    }

    @Test
    void aDirectlyDialledNumberThatMatchesNoPatternIsAnInvalidKey() throws Exception {
        ScriptedChannel script = new ScriptedChannel().duringPrompts("4", "2").afterPrompts("9", "");

        IvrCall call = run(tree(MAIN), script);

        assertThat(call.path()).isEqualTo("main:49 main:2");
    }

    @Test
    void aCallerWhoHangsUpMidMenuLeavesAnExactVisit() {
        ScriptedChannel script = new ScriptedChannel().duringPrompts("1", ScriptedChannel.HANGUP);
        IvrCall call = new IvrCall(script.channel(), tree(MAIN), Instant::now);

        assertThatThrownBy(call::run).isInstanceOf(AgiHangupException.class);

        IvrVisit visit = call.visit("00000000-0000-0000-0000-000000000001", "1.1", Optional.empty(), false);
        assertThat(visit.callerHungUp()).isTrue();
        assertThat(visit.status()).isEqualTo("caller-hangup");
        assertThat(visit.exitMenu()).isEqualTo("sales");
        assertThat(visit.path()).isEqualTo("main:1");
        assertThat(visit.keys()).isEqualTo(1);
    }

    @Test
    void aMissingPromptFailsTheCallWithOneClearMessage() {
        ScriptedChannel script = new ScriptedChannel().duringPrompts("-");
        // '-' is code 45: not a key; a result of -1 on a live channel is a missing sound
        IvrCall call = new IvrCall(missingSound(), tree(MAIN), Instant::now);

        assertThatThrownBy(call::run).isInstanceOf(AgiException.class).isNotInstanceOf(AgiHangupException.class)
                .hasMessage("sound 'welcome' cannot be played: is it installed on the Asterisk host?");
        assertThat(script.commands).isEmpty();
    }

    /** A channel whose STREAM FILE answers -1 while the channel stays up, as for a sound Asterisk cannot find. */
    private static org.asteriskjava.fastagi.AgiChannel missingSound() {
        ScriptedChannel live = new ScriptedChannel();
        org.asteriskjava.fastagi.AgiChannel channel = live.channel();
        return (org.asteriskjava.fastagi.AgiChannel) java.lang.reflect.Proxy.newProxyInstance(
                IvrCallTest.class.getClassLoader(), new Class<?>[] {org.asteriskjava.fastagi.AgiChannel.class},
                (proxy, method, args) -> method.getName().equals("sendCommand")
                        ? java.lang.reflect.Proxy.newProxyInstance(IvrCallTest.class.getClassLoader(),
                                new Class<?>[] {org.asteriskjava.fastagi.reply.AgiReply.class},
                                (p, m, a) -> m.getName().equals("getResultCode") ? -1 : null)
                        : method.invoke(channel, args));
    }

    @Test
    void whileClosedTheMenuRoutesToItsClosedDestination() throws Exception {
        String never = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                + "DTSTAMP:20260101T000000Z\r\nDTSTART:20200106T080000\r\nDTEND:20200106T090000\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
        var calendars = Map.of("office", CalendarFile.parse("office", never));
        MenuTree tree = IvrFile.parse("main", MAIN + "menu.main.hours = office\nmenu.main.closed = menu:night\n"
                + "menu.night.prompt = closed-message\nmenu.night.key.1 = hangup\n", calendars, BERLIN);
        ScriptedChannel script = new ScriptedChannel().duringPrompts("1");

        IvrCall call = run(tree, script);

        assertThat(script.commands.get(0)).isEqualTo("STREAM FILE \"closed-message\" " + ESCAPE);
        assertThat(call.exit()).contains(Action.of(Action.Type.HANGUP));
        assertThat(call.path()).isEqualTo("night:1");
        assertThat(call.visit("00000000-0000-0000-0000-000000000002", "1.2", Optional.empty(), false).open())
                .contains(false);
    }

    @Test
    void closedStraightToADestination() throws Exception {
        var calendars = Map.of("holidays", CalendarFile.parse("holidays", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                + "PRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20200101\r\n"
                + "RRULE:FREQ=DAILY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
        MenuTree tree = IvrFile.parse("main", MAIN + "menu.main.holidays = holidays\nmenu.main.closed = goto:closed,s,1\n",
                calendars, BERLIN);
        ScriptedChannel script = new ScriptedChannel();

        IvrCall call = run(tree, script);

        assertThat(script.commands).isEmpty();
        assertThat(call.status()).isEqualTo("closed");
        assertThat(call.exit()).contains(new Action(Action.Type.GOTO, "closed,s,1"));
    }
}

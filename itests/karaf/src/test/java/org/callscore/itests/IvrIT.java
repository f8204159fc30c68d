package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The ivr application in the real distribution, driven as Asterisk drives it, against the real MariaDB. Keys
 * during a prompt are {@code playbackKeys} (STREAM FILE with escape digits), keys after it {@code digits}
 * (WAIT FOR DIGIT).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IvrIT extends CallScoreTestSupport {

    private static final String ESCAPE = " \"0123456789*#\"";

    @Before
    public void ivrIsReady() throws Exception {
        startIfStopped("org.callscore.agi.ivr");
        IvrFixture.write("itest-never.ics", IvrFixture.NEVER_OPEN);
        IvrFixture.write("itest.ivr", IvrFixture.MENU);
        IvrFixture.write("itest-closed.ivr", IvrFixture.MENU + "menu.main.hours = itest-never\n"
                + "menu.main.closed = queue:itest-night\n");
        eventually("ivr registered, its schema migrated and the itest menus loaded",
                () -> servedAndMigrated("ivr") && listing().contains("\nitest ")
                        && listing().contains("\nitest-closed "));
    }

    private String listing() {
        return shell("ivr:list");
    }

    private static String uniqueId(String test) {
        return "ivr." + test + "." + System.nanoTime() % 10_000_000;
    }

    private FastAgiCall.Builder ivrCall(String menu, String uniqueId) {
        return call("ivr?menu=" + menu).uniqueId(uniqueId).variable("CHANNEL(linkedid)", uniqueId + "0");
    }

    @Test
    public void aCallerNavigatesToAQueueWithKeysDuringThePrompts() {
        String id = uniqueId("queue");

        Outcome outcome = ivrCall("itest", id).playbackKeys("1", "1").connect().runToEnd(CALL);

        assertEquals("SUCCESS", outcome.agiStatus());
        assertEquals("queue", outcome.variable("IVR_DESTINATION_TYPE"));
        assertEquals("itest-sales", outcome.variable("IVR_DESTINATION"));
        assertEquals("selected", outcome.variable("IVR_STATUS"));
        assertEquals("main:1 sales:1", outcome.variable("IVR_PATH"));
        assertEquals("0", outcome.variable("IVR_AGENT_REQUESTED"));
        assertFalse("a key during the prompt: no waiting out the timeout",
                outcome.commands().stream().anyMatch(c -> c.startsWith("WAIT FOR DIGIT")));
        assertTrue(outcome.commands().contains("STREAM FILE \"itest/welcome\"" + ESCAPE));
        assertFalse("the second prompt is not played after a key", outcome.commands().stream()
                .anyMatch(c -> c.startsWith("STREAM FILE \"itest/main\"")));
        Map<String, Object> visit = IvrFixture.visit(database().jdbi(), id);
        assertEquals(outcome.variable("IVR_VISIT_ID"), visit.get("id"));
        assertEquals("itest", visit.get("tree"));
        assertEquals(id + "0", visit.get("linkedid"));
        assertEquals("main", visit.get("entry_menu"));
        assertEquals("sales", visit.get("exit_menu"));
        assertEquals("queue", visit.get("exit_type"));
        assertEquals("itest-sales", visit.get("exit_target"));
        assertEquals(2, ((Number) visit.get("keys_pressed")).intValue());
        assertEquals(Boolean.FALSE, visit.get("caller_hung_up"));
    }

    @Test
    public void aPromptAsteriskCannotPlayEndsTheVisitAsErrorAndIsNamedOnce() throws Exception {
        long logStart = logSize();
        for (String id : java.util.List.of(uniqueId("sound1"), uniqueId("sound2"))) {
            Outcome outcome = ivrCall("itest", id).missingSounds("itest/welcome").connect().runToEnd(CALL);

            // res_agi's own verdict after a failed STREAM FILE; the IVR cannot offer a menu without its prompt
            assertEquals("FAILURE", outcome.agiStatus());
            eventually("the visit stored", () -> IvrFixture.visits(database().jdbi(), id) == 1);
            assertEquals("error", IvrFixture.visit(database().jdbi(), id).get("status"));
        }
        eventually("both visits logged", () -> times(logSince(logStart), "IVR itest on") == 2);
        String log = logSince(logStart);
        assertEquals(log, 1, times(log, "cannot play the sound 'itest/welcome'"));
        assertFalse(log, log.contains("AGI session"));
        assertTrue(listing().contains("Sounds Asterisk could not play"));
        assertTrue(listing().contains("  itest: itest/welcome\n"));
    }

    @Test
    public void theAgentKeyWorksFromTheTenthSubmenu() {
        String id = uniqueId("agent");

        Outcome outcome = ivrCall("itest", id)
                .playbackKeys("2", "1", "1", "1", "1", "1", "1", "1", "1", "1", "0").connect().runToEnd(CALL);

        assertEquals("agent", outcome.variable("IVR_DESTINATION_TYPE"));
        assertEquals("itest-agents", outcome.variable("IVR_DESTINATION"));
        assertEquals("agent", outcome.variable("IVR_STATUS"));
        assertEquals("1", outcome.variable("IVR_AGENT_REQUESTED"));
        assertEquals("d10", outcome.variable("IVR_MENU"));
        assertTrue(outcome.commands().contains("STREAM FILE \"itest/level10\"" + ESCAPE));
        Map<String, Object> visit = IvrFixture.visit(database().jdbi(), id);
        assertEquals(Boolean.TRUE, visit.get("agent_requested"));
        assertEquals("d10", visit.get("exit_menu"));
    }

    @Test
    public void invalidKeysAndSilenceEndAtTheFinalDestination() {
        String id = uniqueId("invalid");

        // prompts play out; after them: 7 (no such key), silence, 8: three failures with retries = 2
        Outcome outcome = ivrCall("itest", id).digits("7", FastAgiCall.TIMEOUT, "8").connect().runToEnd(CALL);

        assertEquals("queue", outcome.variable("IVR_DESTINATION_TYPE"));
        assertEquals("itest-operator", outcome.variable("IVR_DESTINATION"));
        assertEquals("retries-exhausted", outcome.variable("IVR_STATUS"));
        assertEquals("main:7 main:t main:8", outcome.variable("IVR_PATH"));
        assertEquals(3, outcome.commands().stream().filter(c -> c.equals("WAIT FOR DIGIT 5000")).count());
        assertEquals("one invalid sound after the 7; none after silence or the last try", 1,
                outcome.commands().stream().filter(c -> c.startsWith("STREAM FILE \"pm-invalid-option\"")).count());
        assertEquals("retries-exhausted", IvrFixture.visit(database().jdbi(), id).get("status"));
    }

    @Test
    public void aCallerWhoHangsUpMidMenuLeavesTheVisitStored() throws Exception {
        String id = uniqueId("hangup");

        ivrCall("itest", id).playbackKeys("1", FastAgiCall.CALLER_HANGS_UP).connect().runToEnd(CALL);
        eventually("the visit stored", () -> IvrFixture.visits(database().jdbi(), id) == 1);

        Map<String, Object> visit = IvrFixture.visit(database().jdbi(), id);
        assertEquals(Boolean.TRUE, visit.get("caller_hung_up"));
        assertEquals("caller-hangup", visit.get("status"));
        assertEquals("sales", visit.get("exit_menu"));
        assertEquals("main:1", visit.get("path"));
        assertEquals(null, visit.get("exit_type"));
    }

    @Test
    public void whileClosedTheCallerGoesToTheClosedDestinationWithoutAPrompt() {
        String id = uniqueId("closed");

        Outcome outcome = ivrCall("itest-closed", id).connect().runToEnd(CALL);

        assertEquals("queue", outcome.variable("IVR_DESTINATION_TYPE"));
        assertEquals("itest-night", outcome.variable("IVR_DESTINATION"));
        assertEquals("closed", outcome.variable("IVR_STATUS"));
        assertFalse(outcome.commands().stream().anyMatch(c -> c.startsWith("STREAM FILE")));
        assertEquals(Boolean.FALSE, IvrFixture.visit(database().jdbi(), id).get("site_open"));
    }

    @Test
    public void anUnknownMenuFailsTheAgiWithOneLogLineAndStoresNothing() throws Exception {
        long logStart = logSize();
        String id = uniqueId("unknown");

        Outcome outcome = ivrCall("no-such-menu", id).connect().runToEnd(CALL);

        assertEquals("FAILURE", outcome.agiStatus());
        assertEquals(0, IvrFixture.visits(database().jdbi(), id));
        loggedOnce(logStart, "no menu file named 'no-such-menu'");
    }

    @Test
    public void aBrokenMenuFileIsRefusedByNameAndTheLastGoodVersionServes() throws Exception {
        IvrFixture.write("itest-edit.ivr", IvrFixture.MENU);
        eventually("loaded", () -> listing().contains("\nitest-edit "));
        IvrFixture.write("itest-edit.ivr", IvrFixture.MENU + "menu.d10.key.1 = menu:d1\n");
        eventually("refused", () -> listing().contains("itest-edit.ivr: itest-edit.ivr: menu.d10.key.1 makes a loop"));

        Outcome outcome = ivrCall("itest-edit", uniqueId("edit")).playbackKeys("1", "1").connect().runToEnd(CALL);

        assertEquals("itest-sales", outcome.variable("IVR_DESTINATION"));
        java.nio.file.Files.delete(IvrFixture.folder().resolve("itest-edit.ivr"));
    }

    @Test
    public void theModuleStoppedFailsTheNextCallAndServesAgainWhenStarted() throws Exception {
        Bundle module = bundle("org.callscore.ivr");
        module.stop();
        try {
            eventually("ivr unregistered", () -> !server().applications().contains("ivr"));
            assertEquals("FAILURE", ivrCall("itest", uniqueId("stopped")).connect().runToEnd(CALL).agiStatus());
        } finally {
            module.start();
        }
        eventually("ivr registered again", () -> server().applications().contains("ivr")
                && listing().contains("\nitest "));
        assertEquals("SUCCESS", ivrCall("itest", uniqueId("started")).playbackKeys("1", "1").connect().runToEnd(CALL)
                .agiStatus());
    }

    @Test
    public void hostileCallerIdsReachNoCommandNoRowAndNoLogLineUnescaped() throws Exception {
        long logStart = logSize();
        String id = uniqueId("hostile");
        String evilName = "Evil\", x\rEXEC System rm -rf /\r";

        Outcome outcome = call("ivr?menu=itest&x=a,b%0D%0AVERBOSE").uniqueId(id)
                .callerId("100\rEXEC System x,y", evilName).channel("PJSIP/evil\rINJECTED-00000001")
                .variable("CHANNEL(linkedid)", "x\r,EXEC").playbackKeys("1", "1").connect().runToEnd(CALL);

        assertEquals("itest-sales", outcome.variable("IVR_DESTINATION"));
        for (String command : outcome.commands()) {
            assertFalse(command, command.contains("Evil") || command.contains("EXEC") || command.contains("100\r"));
        }
        Map<String, Object> visit = IvrFixture.visit(database().jdbi(), id);
        assertEquals("a linkedid that Asterisk never makes is not stored", null, visit.get("linkedid"));
        eventually("the IVR's log line written", () -> logSince(logStart).contains("IVR itest on"));
        String log = logSince(logStart);
        assertFalse(log.contains("\rINJECTED"));
        assertFalse(log.contains("Evil"));
        assertTrue(log.contains("PJSIP/evil\\x0dINJECTED-00000001"));
    }

    @Test
    public void ivrListShowsTheMenusTheirHoursAndTheFilesRefused() throws Exception {
        IvrFixture.write("itest-broken.ivr", "agent = q\nmenu.main.prompt = ../../etc/passwd\n");
        eventually("broken file seen", () -> listing().contains("itest-broken.ivr:"));

        String listing = listing();

        assertTrue(listing, listing.matches("(?s).*\\nitest +main +12 +11 +0 itest-agents .*"));
        assertTrue(listing, listing.contains("CLOSED now (hours itest-never, closed: queue:itest-night)"));
        assertTrue(listing, listing.contains("itest-broken.ivr: itest-broken.ivr: menu.main.prompt '../../etc/passwd' "
                + "is not an Asterisk sound name"));
        assertTrue(listing, listing.contains("IVR visit spool: empty"));
        java.nio.file.Files.delete(IvrFixture.folder().resolve("itest-broken.ivr"));
    }
}

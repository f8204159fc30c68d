package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.callscore.agi.server.FastAgiServer.Counter;
import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.Outcome;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/** The platform in the real distribution: ping end to end, the console, hot swap, refused peers. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FastAgiPlatformIT extends CallScoreTestSupport {

    private static final String PING_BUNDLE = "org.callscore.agi.ping";

    @Inject
    private FeaturesService features;

    @Inject
    private ConfigurationAdmin configurations;

    @Before
    public void pingIsReady() throws Exception {
        if (!features.isInstalled(features.getFeature("callscore-ping"))) {
            features.installFeature("callscore-ping", EnumSet.noneOf(FeaturesService.Option.class));
        }
        startIfStopped(PING_BUNDLE);
        eventually("ping registered and its schema migrated",
                () -> servedAndMigrated("ping"));
        // a test that reconfigured the server leaves it rebinding for a moment
        eventually("the server serving calls", () -> "SUCCESS".equals(ping("ready.check").agiStatus()));
    }

    @Test
    public void theTestProbeCameAfterKarafsDeployerWasDoneWithTheBootFeatures() {
        // CallScoreTestSupport.bootFeatures: Pax Exam's features (and its probe) in a boot stage of their own, after
        // the boot features (deployed more than once when Karaf restarts its features service during the boot)
        List<String> deployments = logSince(0).lines().filter(line -> line.contains("Adding features: ")).toList();
        int exam = 0;
        while (exam < deployments.size() && !deployments.get(exam).contains("exam")) {
            exam++;
        }
        assertTrue("Pax Exam's features deployed after others: " + deployments, exam > 0 && exam < deployments.size());
        // a deployment after a restart of the features service lists only what is still missing, not callscore-core
        for (String boot : deployments.subList(0, exam)) {
            assertTrue(boot, boot.contains("callscore-"));
        }
        assertFalse(deployments.get(exam), deployments.get(exam).contains("callscore-"));
    }

    private Outcome ping(String uniqueId) {
        return call("ping").uniqueId(uniqueId).connect().runToEnd(CALL);
    }

    private int pingsRecorded(String uniqueId) {
        return database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ping_log WHERE uniqueid = :u")
                .bind("u", uniqueId).mapTo(Integer.class).one());
    }

    @Test
    public void pingAnswersSetsTheVersionAndRecordsTheCall() {
        String uniqueId = "1700000001." + System.nanoTime() % 100000;

        Outcome outcome = ping(uniqueId);

        assertEquals("SUCCESS", outcome.agiStatus());
        assertEquals("ANSWER", outcome.commands().get(0));
        assertEquals(bundle(PING_BUNDLE).getVersion().toString(), outcome.variable("CALLSCORE_VERSION"));
        assertEquals("UP", outcome.variable("CALLSCORE_DATABASE"));
        assertEquals(1, pingsRecorded(uniqueId));
    }

    @Test
    public void statusShowsListenerApplicationsDatabaseAndSchemas() throws Exception {
        String status = console("callscore:status");

        assertTrue(status, status.contains("listening on 127.0.0.1:" + agiPort()));
        assertTrue(status, status.matches("(?s).*\n  applications +([a-z-]+, )*ping(, [a-z-]+)*\n.*"));
        assertTrue(status, status.contains("Database           reachable"));
        assertTrue(status, status.contains("schema ping      version 2 of 2, up to date"));
    }

    @Test
    public void anUnknownApplicationGetsFailureAndOneLogLine() throws Exception {
        long log = logSize();

        assertEquals("FAILURE", call("nosuchapp").connect().runToEnd(CALL).agiStatus());
        assertEquals("FAILURE", call("nosuchapp").connect().runToEnd(CALL).agiStatus());

        assertEquals(1, logSince(log).lines().filter(l -> l.contains("No AGI application named 'nosuchapp'")).count());
    }

    @Test
    public void aHangUpMidScriptIsNormalAndLogsNoStackTrace() throws Exception {
        long log = logSize();
        FastAgiCall call = call("ping").connect();
        call.respondUntil(c -> c.startsWith("SET VARIABLE"), CALL);

        call.hangup();
        Outcome outcome = call.runToEnd(CALL);

        assertEquals("HANGUP", outcome.agiStatus());
        String logged = logSince(log);
        assertFalse(logged, logged.contains("Exception"));
        assertFalse(logged, logged.contains("\tat "));
    }

    @Test
    public void stoppingStartingAndUpdatingTheModuleKeepsCallsInFlightAndTheServer() throws Exception {
        Bundle ping = bundle(PING_BUNDLE);

        FastAgiCall inFlight = call("ping").uniqueId("inflight.stop").connect();
        inFlight.respondUntil("ANSWER"::equals, CALL);
        ping.stop();
        // held for application.wait.seconds, then answered: the module does not come back
        assertEquals("new calls see the stopped module", "FAILURE", ping("after.stop").agiStatus());
        Outcome finished = inFlight.runToEnd(CALL);
        assertEquals("SUCCESS", finished.agiStatus());
        assertEquals("UP", finished.variable("CALLSCORE_DATABASE"));

        ping.start();
        eventually("ping back", () -> server().applications().contains("ping"));
        assertEquals("SUCCESS", ping("after.start").agiStatus());

        // ping_log outlives the run (the test database is kept): an id of this run's own
        String inFlightId = "inflight.update." + System.currentTimeMillis();
        FastAgiCall duringUpdate = call("ping").uniqueId(inFlightId).connect();
        duringUpdate.respondUntil("ANSWER"::equals, CALL);
        ping.update();
        eventually("ping back after update", () -> server().applications().contains("ping"));
        assertEquals("SUCCESS", ping("after.update").agiStatus());
        assertEquals("SUCCESS", duringUpdate.runToEnd(CALL).agiStatus());
        assertEquals(1, pingsRecorded(inFlightId));
    }

    @Test
    public void uninstallingAndInstallingTheFeatureWhileCallsRun() throws Exception {
        FastAgiCall inFlight = call("ping").uniqueId("inflight.feature").connect();
        inFlight.respondUntil("ANSWER"::equals, CALL);

        features.uninstallFeature("callscore-ping", EnumSet.noneOf(FeaturesService.Option.class));
        assertEquals("FAILURE", ping("after.uninstall").agiStatus());
        assertEquals("SUCCESS", inFlight.runToEnd(CALL).agiStatus());
        assertTrue("the server stays up", server().listeningOn().isPresent());

        features.installFeature("callscore-ping", EnumSet.noneOf(FeaturesService.Option.class));
        eventually("ping back after feature:install", () -> server().applications().contains("ping"));
        assertEquals("SUCCESS", ping("after.install").agiStatus());
    }

    @Test
    public void aPeerNotInAllowedPeersIsRefused() throws Exception {
        org.osgi.service.cm.Configuration fastagi = configurations.getConfiguration("org.callscore.fastagi", null);
        Dictionary<String, Object> original = fastagi.getProperties();
        Dictionary<String, Object> changed = new Hashtable<>();
        for (String key : java.util.Collections.list(original.keys())) {
            changed.put(key, original.get(key));
        }
        changed.put("allowed.peers", "192.0.2.1");
        try {
            fastagi.update(changed);
            // closed without a command, and counted as refused by the reconfigured server, not by one
            // shutting down
            eventually("calls from 127.0.0.1 refused by the peer check",
                    () -> refused() && server().counters().get(Counter.REJECTED_PEERS) >= 1);
        } finally {
            fastagi.update(original);
        }
        eventually("calls from 127.0.0.1 served again", () -> {
            try {
                return "SUCCESS".equals(ping("after.peers").agiStatus());
            } catch (AssertionError notYet) {
                return false;
            }
        });
    }

    private boolean refused() {
        try {
            FastAgiCall call = call("ping").connect();
            Outcome outcome = call.runToEnd(CALL);
            return outcome.commands().isEmpty() && call.serverClosed();
        } catch (AssertionError rebinding) {
            return false; // the server is between two configurations
        }
    }
}

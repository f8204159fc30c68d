package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.callscore.ami.AmiEvent;
import org.callscore.ami.AmiEventListener;
import org.callscore.ami.AsteriskManager;
import org.callscore.ami.ManagerStatus;
import org.callscore.ami.OriginateReason;
import org.callscore.ami.OriginateRequest;
import org.callscore.ami.OriginateResult;
import org.callscore.ami.QueueCaller;
import org.callscore.ami.QueueMember;
import org.callscore.callback.AttemptOutcome;
import org.callscore.callback.Callback;
import org.callscore.callback.CallbackChange;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.CallbackState;
import org.callscore.callback.Callbacks;
import org.callscore.storage.BackgroundTask;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The callback module in Karaf against the tests' MariaDB: its migrations run, a request is stored with its history,
 * and the dialler finds an AsteriskManager service (here a scripted one registered by the test, as the AMI module
 * registers one per server), places the due callback agent first with the attempt's channel id, and takes the
 * outcome from the AMI events its listener service receives.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CallbacksIT extends CallScoreTestSupport {

    private static final String QUEUE = "it-sales-" + Long.toString(System.nanoTime(), 36);

    /** An Asterisk server as the AMI module shows it: it records every Originate and answers it at once. */
    private static final class ScriptedAsterisk implements AsteriskManager {
        final List<OriginateRequest> originates = new CopyOnWriteArrayList<>();

        @Override
        public String server() {
            return "pbx1";
        }

        @Override
        public ManagerStatus status() {
            return new ManagerStatus("pbx1", "127.0.0.1:5038", true, Instant.EPOCH, 0, Optional.empty(), Optional.empty());
        }

        @Override
        public CompletionStage<OriginateResult> originate(OriginateRequest request) {
            originates.add(request);
            return CompletableFuture.completedFuture(new OriginateResult(request.channelId(), true,
                    OriginateReason.ANSWERED, Optional.of(request.channelId()), Optional.of("PJSIP/agent1-00000001")));
        }

        @Override
        public CompletionStage<List<QueueMember>> queueMembers(String queue) {
            // only this test's queue has a free member: callbacks other tests left in the database are not placed
            return CompletableFuture.completedFuture(!queue.equals(QUEUE) ? List.of()
                    : List.of(new QueueMember(queue, "PJSIP/agent1", "Agent One", true, false, false)));
        }

        @Override
        public CompletionStage<List<QueueCaller>> queueCallers(String queue) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    @Configuration
    public Option[] configuration() {
        String version = System.getProperty("callscore.version");
        return OptionUtils.combine(super.configuration(),
                config("org.callscore.callback", "dial.interval.seconds", "1"),
                config("org.callscore.callback", "node", "it-node"),
                mavenBundle("org.callscore", "org.callscore.ami", version),
                mavenBundle("org.callscore", "org.callscore.callback", version));
    }

    @Test
    public void aRequestIsStoredAndPlacedAgentFirstThroughTheAmiServiceExactlyOnce() throws Exception {
        eventually("the callback tables migrated", () -> database().isReady(Callbacks.SCHEMA));
        eventually("the dialler running", () -> tasks().contains("callback-dialler")
                && tasks().contains("callback-request-replay"));
        Callbacks callbacks = service(Callbacks.class).orElseThrow(() -> new AssertionError("no Callbacks service"));
        long log = logSize();

        String id = callbacks.request(new CallbackRequest(QUEUE, "+33 1 23 45 67 89", Optional.empty(),
                Optional.empty(), "invoice", CallbackSource.CONSOLE, Optional.empty(), Optional.empty(),
                Optional.empty(), "karaf"));
        Callback stored = callbacks.byId(id).orElseThrow(() -> new AssertionError("request not stored"));
        assertEquals("+33123456789", stored.customerNumber());
        eventually("no server: the callback waits, said once", () -> logSince(log).contains(
                "Callbacks of queue " + QUEUE + " wait: no Asterisk server"));
        assertEquals(CallbackState.SCHEDULED, callbacks.byId(id).get().state());

        ScriptedAsterisk pbx = new ScriptedAsterisk();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(AsteriskManager.SERVER, "pbx1");
        ServiceRegistration<AsteriskManager> registration = bundleContext.registerService(AsteriskManager.class, pbx,
                properties);
        try {
            eventually("the callback placed", () -> !pbx.originates.isEmpty());
            OriginateRequest originate = pbx.originates.get(0);
            assertEquals("PJSIP/agent1", originate.channel());
            assertEquals("callscore-callback-agent", originate.context());
            assertEquals(id, originate.variables().get("CALLSCORE_CALLBACK_ID"));
            assertEquals(originate.channelId(), callbacks.attempts(id).get(0).channelId());

            listener().onEvent(new AmiEvent("pbx1", "UserEvent", Map.of("UserEvent", "CallScoreCallback", "Attempt",
                    originate.channelId(), "Dialstatus", "ANSWER"), Instant.now()));
            eventually("the outcome stored", () -> callbacks.byId(id).get().state() == CallbackState.DONE);
            assertEquals(Optional.of(AttemptOutcome.ANSWERED), callbacks.attempts(id).get(0).outcome());
            assertEquals(1, pbx.originates.size());
            assertTrue(callbacks.history(id).stream().anyMatch(c -> c.kind() == CallbackChange.Kind.DONE
                    && c.actor().equals("it-node")));
        } finally {
            registration.unregister();
        }
    }

    private AmiEventListener listener() throws Exception {
        for (ServiceReference<AmiEventListener> reference : bundleContext.getServiceReferences(AmiEventListener.class,
                null)) {
            if (reference.getBundle().getSymbolicName().equals("org.callscore.callback")) {
                return bundleContext.getService(reference);
            }
        }
        throw new AssertionError("the callback bundle registers no AmiEventListener");
    }

    private List<String> tasks() {
        try {
            return bundleContext.getServiceReferences(BackgroundTask.class, null).stream()
                    .map(r -> String.valueOf(r.getProperty(BackgroundTask.NAME_PROPERTY))).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

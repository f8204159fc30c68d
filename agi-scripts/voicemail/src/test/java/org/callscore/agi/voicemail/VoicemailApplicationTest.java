package org.callscore.agi.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.callscore.callback.CallbackMessage;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.Callbacks;
import org.callscore.recording.RecordingCapture;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingRefusedException;
import org.callscore.testing.asterisk.AgiStubs;
import org.junit.jupiter.api.Test;

/** What the dialplan's voicemail step hands on to the recording index and the callbacks, and what it answers. */
class VoicemailApplicationTest {

    private static final String FILE = "/var/lib/callscore/recordings/pbx1/2026-12-02/voicemail-1764654000.42.wav";

    private final Map<String, String> variables = new HashMap<>();
    private final List<String> indexed = new ArrayList<>();
    private final List<CallbackRequest> requested = new ArrayList<>();
    private Optional<RecordingCapture.LeftMessage> message = Optional.of(new RecordingCapture.LeftMessage(FILE,
            Optional.of(9L), Duration.ofMillis(6400)));
    private String callerId = "0612345678";

    private final RecordingCapture capture = new RecordingCapture() {
        @Override
        public StartedRecording started(String server, String channelUniqueId, Optional<String> linkedId,
                RecordingKind kind, String format) {
            throw new AssertionError("the recording application starts recordings");
        }

        @Override
        public void stopped(String server, String channelUniqueId, RecordingKind kind) {
            throw new AssertionError("the message's end is messageLeft");
        }

        @Override
        public Optional<LeftMessage> messageLeft(String server, String channelUniqueId, Optional<String> linkedId,
                String file) {
            indexed.add(server + " " + channelUniqueId + " " + linkedId.orElse("-") + " " + file);
            if (!file.equals(FILE)) {
                throw new RecordingRefusedException("not the file CallScore chose");
            }
            return message;
        }

        @Override
        public void surveyed(String server, String channelUniqueId, Optional<String> linkedId, String surveyResponse,
                OptionalDouble meanScore, boolean complaint, Optional<String> commentFile) {
            throw new AssertionError("no survey here");
        }
    };

    /** Only request() is called, checked as the callback module checks it; any other method fails the test. */
    private final Callbacks callbacks = (Callbacks) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Callbacks.class}, (proxy, method, args) -> {
                if (!method.getName().equals("request")) {
                    throw new AssertionError("unexpected call " + method.getName());
                }
                CallbackRequest request = (CallbackRequest) args[0];
                if (!request.customerNumber().matches("\\+?[0-9]+")) {
                    throw new IllegalArgumentException("customerNumber: digits, a leading + kept");
                }
                requested.add(request);
                return "cb-" + requested.size();
            });

    private void run(VoicemailApplication application, Map<String, String> parameters) throws Exception {
        AgiRequest request = AgiStubs.request("1764654000.42", InetAddress.getByName("192.0.2.10"), callerId,
                parameters);
        AgiChannel channel = AgiStubs.channel(variables);
        application.service(request, channel);
    }

    private void run(Map<String, String> parameters) throws Exception {
        run(new VoicemailApplication(capture, callbacks), parameters);
    }

    @Test
    void aMessageBecomesACallbackForTheQueueWithTheMessageAttached() throws Exception {
        variables.put("CHANNEL(linkedid)", "1764654000.41");
        run(Map.of("queue", "sales", "file", FILE, "server", "pbx1", "zone", "America/New_York"));
        assertThat(indexed).containsExactly("pbx1 1764654000.42 1764654000.41 " + FILE);
        assertThat(requested).singleElement().satisfies(r -> {
            assertThat(r.queue()).isEqualTo("sales");
            assertThat(r.customerNumber()).isEqualTo("0612345678");
            assertThat(r.customerZone()).contains(ZoneId.of("America/New_York"));
            assertThat(r.source()).isEqualTo(CallbackSource.VOICEMAIL);
            assertThat(r.reason()).isEqualTo("voicemail");
            assertThat(r.callUniqueId()).contains("1764654000.42");
            assertThat(r.askedFor()).as("as soon as possible").isEmpty();
            assertThat(r.message()).contains(new CallbackMessage(FILE, Optional.of(9L), Duration.ofMillis(6400)));
        });
        assertThat(variables).containsEntry("CALLSCORE_VOICEMAIL", "LEFT")
                .containsEntry("CALLSCORE_VOICEMAIL_CALLBACK", "cb-1").containsEntry("CALLSCORE_VOICEMAIL_SECONDS", "6");
    }

    @Test
    void noMessageMakesNoCallback() throws Exception {
        message = Optional.empty();
        run(Map.of("queue", "sales", "file", FILE, "reason", "closed"));
        assertThat(indexed).containsExactly("192.0.2.10 1764654000.42 - " + FILE);
        assertThat(requested).isEmpty();
        assertThat(variables).containsEntry("CALLSCORE_VOICEMAIL", "EMPTY").containsEntry("CALLSCORE_VOICEMAIL_CALLBACK",
                "");
    }

    @Test
    void aCallerWithoutANumberLeavesTheMessageButNoCallback() throws Exception {
        callerId = null; // Asterisk's "unknown"
        run(Map.of("queue", "sales", "file", FILE));
        assertThat(indexed).hasSize(1);
        assertThat(requested).isEmpty();
        assertThat(variables).containsEntry("CALLSCORE_VOICEMAIL", "NO_NUMBER")
                .containsEntry("CALLSCORE_VOICEMAIL_SECONDS", "6");
    }

    @Test
    void withAModuleStoppedTheStepAnswersUnavailableAndTouchesNothingElse() throws Exception {
        run(new VoicemailApplication(null, callbacks), Map.of("queue", "sales", "file", FILE));
        assertThat(variables).containsEntry("CALLSCORE_VOICEMAIL", "UNAVAILABLE");
        assertThat(indexed).isEmpty();
        run(new VoicemailApplication(capture, null), Map.of("queue", "sales", "file", FILE));
        assertThat(indexed).as("the message is kept in the index").hasSize(1);
        assertThat(variables).containsEntry("CALLSCORE_VOICEMAIL", "UNAVAILABLE");
        assertThat(requested).isEmpty();
    }

    @Test
    void aCallHandedToTheApplicationAsItsBundleStopsStillBecomesACallback() throws Exception {
        VoicemailApplication stopping = new VoicemailApplication(capture, callbacks);
        // DS deactivates the component, then unbinds what it had; the call was handed to it just before
        stopping.deactivate();
        stopping.unbindCapture(capture);
        stopping.unbindCallbacks(callbacks);
        run(stopping, Map.of("queue", "sales", "file", FILE));
        assertThat(indexed).hasSize(1);
        assertThat(requested).hasSize(1);
        assertThat(variables).containsEntry("CALLSCORE_VOICEMAIL", "LEFT");
    }

    @Test
    void aModuleStoppingWhileTheApplicationRunsIsUnavailable() throws Exception {
        VoicemailApplication running = new VoicemailApplication(capture, callbacks);
        running.unbindCallbacks(callbacks);
        run(running, Map.of("queue", "sales", "file", FILE));
        assertThat(indexed).as("the message is kept in the index").hasSize(1);
        assertThat(requested).isEmpty();
        assertThat(variables).containsEntry("CALLSCORE_VOICEMAIL", "UNAVAILABLE");
    }

    @Test
    void badParametersFailTheStepAndRequestNothing() {
        for (Map<String, String> bad : List.<Map<String, String>>of(Map.of("file", FILE),
                Map.of("queue", "sales;x", "file", FILE), Map.of("queue", "sales"),
                Map.of("queue", "sales", "file", FILE, "zone", "Mars/Olympus"),
                Map.of("queue", "sales", "file", FILE, "server", "../etc"),
                Map.of("queue", "sales", "file", "/etc/passwd"))) {
            assertThatThrownBy(() -> run(bad)).as(bad.toString()).isInstanceOf(AgiException.class);
        }
        assertThat(requested).isEmpty();
    }
}

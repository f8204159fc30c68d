package org.callscore.agi.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.callscore.recording.RecordingCapture;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingRefusedException;
import org.callscore.testing.asterisk.AgiStubs;
import org.junit.jupiter.api.Test;

/** What the dialplan gets from each action, and what it passes on to the index. */
class RecordingApplicationTest {

    private final Map<String, String> variables = new HashMap<>();
    private final List<String> told = new ArrayList<>();
    private boolean refuse;

    private final RecordingCapture capture = new RecordingCapture() {
        @Override
        public StartedRecording started(String server, String channelUniqueId, Optional<String> linkedId,
                RecordingKind kind, String format) {
            told.add("started " + server + " " + channelUniqueId + " " + linkedId.orElse("-") + " " + kind + " "
                    + format);
            if (refuse) {
                throw new RecordingRefusedException("the recordings folder has 3 MB free, below free.space.min.mb");
            }
            return new StartedRecording("/var/spool/asterisk/monitor/" + server + "/2026-12-02/queue-"
                    + channelUniqueId + "." + format, Optional.of(7L));
        }

        @Override
        public void stopped(String server, String channelUniqueId, RecordingKind kind) {
            told.add("stopped " + server + " " + channelUniqueId + " " + kind);
        }

        @Override
        public Optional<LeftMessage> messageLeft(String server, String channelUniqueId, Optional<String> linkedId,
                String file) {
            throw new AssertionError("the recording application leaves voicemail to the voicemail application");
        }

        @Override
        public void surveyed(String server, String channelUniqueId, Optional<String> linkedId, String surveyResponse,
                OptionalDouble meanScore, boolean complaint, Optional<String> commentFile) {
            told.add("surveyed " + surveyResponse + " " + meanScore + " " + complaint + " " + commentFile.orElse("-"));
        }
    };

    private void run(Map<String, String> parameters) throws Exception {
        AgiRequest request = AgiStubs.request("1764654000.42", InetAddress.getByName("192.0.2.10"), null, parameters);
        AgiChannel channel = AgiStubs.channel(variables);
        RecordingApplication application = new RecordingApplication();
        Field field = RecordingApplication.class.getDeclaredField("capture");
        field.setAccessible(true); // as DS sets @Reference fields
        field.set(application, capture);
        application.service(request, channel);
    }

    @Test
    void startHandsTheDialplanTheFileCallScoreChose() throws Exception {
        variables.put("CHANNEL(linkedid)", "1764654000.41");
        run(Map.of("action", "start", "kind", "queue", "server", "pbx1"));
        assertThat(told).containsExactly("started pbx1 1764654000.42 1764654000.41 QUEUE_CALL wav");
        assertThat(variables).containsEntry("CALLSCORE_RECORDING", "YES")
                .containsEntry("CALLSCORE_RECORDING_FILE",
                        "/var/spool/asterisk/monitor/pbx1/2026-12-02/queue-1764654000.42.wav")
                .containsEntry("CALLSCORE_RECORDING_ID", "7");
    }

    @Test
    void withoutServerTheAddressAsteriskConnectsFromNamesIt() throws Exception {
        run(Map.of("action", "start", "kind", "call", "format", "gsm"));
        assertThat(told).containsExactly("started 192.0.2.10 1764654000.42 - WHOLE_CALL gsm");
    }

    @Test
    void aRefusedStartTellsTheDialplanNotToRecord() throws Exception {
        refuse = true;
        run(Map.of("action", "start"));
        assertThat(variables).containsEntry("CALLSCORE_RECORDING", "NO").containsEntry("CALLSCORE_RECORDING_FILE", "");
    }

    @Test
    void stopAndSurveyPassOnWhatTheChannelSays() throws Exception {
        run(Map.of("action", "stop", "kind", "ivr"));
        variables.put("SURVEY_RESPONSE_ID", "0f8fad5b-d9cb-469f-a165-70867728950e");
        variables.put("SURVEY_MEAN", "1.50");
        variables.put("SURVEY_COMPLAINT", "1");
        run(Map.of("action", "survey"));
        variables.put("SURVEY_MEAN", "");
        variables.put("SURVEY_COMPLAINT", "0");
        run(Map.of("action", "survey", "format", "gsm"));
        assertThat(told).containsExactly("stopped 192.0.2.10 1764654000.42 IVR",
                "surveyed 0f8fad5b-d9cb-469f-a165-70867728950e OptionalDouble[1.5] true "
                        + "callscore-comment-0f8fad5b-d9cb-469f-a165-70867728950e.wav",
                "surveyed 0f8fad5b-d9cb-469f-a165-70867728950e OptionalDouble.empty false "
                        + "callscore-comment-0f8fad5b-d9cb-469f-a165-70867728950e.gsm");
    }

    @Test
    void badParametersFailTheStepAndTellTheIndexNothing() {
        for (Map<String, String> bad : List.<Map<String, String>>of(Map.of(), Map.of("action", "rewind"),
                Map.of("action", "start", "kind", "podcast"), Map.of("action", "start", "format", "wav;rm -rf"),
                Map.of("action", "start", "server", "../etc"), Map.of("action", "survey"))) {
            assertThatThrownBy(() -> run(bad)).as(bad.toString()).isInstanceOf(AgiException.class);
        }
        variables.put("SURVEY_RESPONSE_ID", "'; DROP TABLE recording; --");
        assertThatThrownBy(() -> run(Map.of("action", "survey"))).isInstanceOf(AgiException.class)
                .hasMessageContaining("SURVEY_RESPONSE_ID");
        assertThat(told).isEmpty();
    }
}

package org.callscore.agi.recording;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.callscore.agi.AgiApplication;
import org.callscore.recording.RecordingCapture;
import org.callscore.recording.RecordingCapture.StartedRecording;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingRefusedException;
import org.callscore.support.agi.CallIds;
import org.callscore.support.agi.CallPathApplication;
import org.callscore.support.rules.AsteriskServer;
import org.callscore.support.rules.RecordingFormat;
import org.callscore.support.rules.Uuid;
import org.callscore.support.rules.VoiceComment;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://127.0.0.1:4573/recording?action=start|stop|survey&kind=...)}: tells the recording index what the
 * dialplan records. The contract (parameters, variables read and set, errors) is in docs/dialplan-contract.md.
 */
@Component(service = AgiScript.class)
@AgiApplication("recording")
public class RecordingApplication extends CallPathApplication {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingApplication.class);
    private static final Pattern MEAN = Pattern.compile("[0-9](\\.[0-9]{1,2})?");

    @Reference
    private RecordingCapture capture;

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String uniqueId = CallIds.uniqueId("recording", request);
        String server = server(request);
        Optional<String> linkedId = CallIds.linkedId(channel);
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        switch (action) {
            case "start" -> start(channel, server, uniqueId, linkedId, kind(request), format(request));
            case "stop" -> capture.stopped(server, uniqueId, kind(request));
            case "survey" -> surveyed(channel, server, uniqueId, linkedId, format(request));
            default -> throw new AgiException("action= must be start, stop or survey, not '" + action + "'");
        }
    }

    private void start(AgiChannel channel, String server, String uniqueId, Optional<String> linkedId,
            RecordingKind kind, String format) throws AgiException {
        try {
            StartedRecording started = capture.started(server, uniqueId, linkedId, kind, format);
            channel.setVariable("CALLSCORE_RECORDING_FILE", started.path());
            channel.setVariable("CALLSCORE_RECORDING_ID", started.id().map(String::valueOf).orElse(""));
            channel.setVariable("CALLSCORE_RECORDING", "YES");
        } catch (RecordingRefusedException e) {
            LOG.warn("Recording: not recording channel {}: {}", uniqueId, e.getMessage());
            channel.setVariable("CALLSCORE_RECORDING_FILE", "");
            channel.setVariable("CALLSCORE_RECORDING_ID", "");
            channel.setVariable("CALLSCORE_RECORDING", "NO");
        }
    }

    private void surveyed(AgiChannel channel, String server, String uniqueId, Optional<String> linkedId,
            String format) throws AgiException {
        String response = Optional.ofNullable(channel.getVariable("SURVEY_RESPONSE_ID")).orElse("").trim();
        if (!Uuid.isValid(response)) {
            throw new AgiException("SURVEY_RESPONSE_ID '" + response + "' is not a survey response id: call "
                    + "action=survey after the survey application");
        }
        String mean = Optional.ofNullable(channel.getVariable("SURVEY_MEAN")).orElse("").trim();
        OptionalDouble meanScore = MEAN.matcher(mean).matches() ? OptionalDouble.of(Double.parseDouble(mean))
                : OptionalDouble.empty();
        boolean complaint = "1".equals(channel.getVariable("SURVEY_COMPLAINT"));
        capture.surveyed(server, uniqueId, linkedId, response, meanScore, complaint,
                Optional.of(VoiceComment.fileName(response, format)));
    }

    /** @return the server= parameter, else the address Asterisk connects from */
    private static String server(AgiRequest request) throws AgiException {
        try {
            return AsteriskServer.of(request.getParameter("server"), request.getRemoteAddress());
        } catch (IllegalArgumentException e) {
            throw new AgiException(e.getMessage());
        }
    }

    private static RecordingKind kind(AgiRequest request) throws AgiException {
        String kind = Optional.ofNullable(request.getParameter("kind")).orElse("queue").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "queue" -> RecordingKind.QUEUE_CALL;
            case "call" -> RecordingKind.WHOLE_CALL;
            case "ivr" -> RecordingKind.IVR;
            case "voicemail" -> RecordingKind.VOICEMAIL;
            default -> throw new AgiException("kind= must be queue, call, ivr or voicemail, not '" + kind + "'");
        };
    }

    private static String format(AgiRequest request) throws AgiException {
        String format = Optional.ofNullable(request.getParameter("format")).orElse("wav").toLowerCase(Locale.ROOT);
        if (!RecordingFormat.isValid(format)) {
            throw new AgiException("format= must be an Asterisk format name such as wav, not '" + format + "'");
        }
        return format;
    }
}

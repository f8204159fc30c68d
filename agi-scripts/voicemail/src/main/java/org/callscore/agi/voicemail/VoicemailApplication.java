package org.callscore.agi.voicemail;

import java.time.ZoneId;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.callscore.agi.AgiApplication;
import org.callscore.callback.CallbackMessage;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.Callbacks;
import org.callscore.recording.RecordingCapture;
import org.callscore.recording.RecordingCapture.LeftMessage;
import org.callscore.recording.RecordingRefusedException;
import org.callscore.support.agi.CallIds;
import org.callscore.support.agi.CallPathApplication;
import org.callscore.support.agi.CustomerZone;
import org.callscore.support.agi.HeldReference;
import org.callscore.support.rules.AsteriskServer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://127.0.0.1:4573/voicemail?queue=Q&file=F[&reason=R][&zone=Z][&server=S])}, after Record() into the
 * file the recording application chose (kind {@code voicemail}): the message, if there is one, is kept in the
 * recording index and becomes a callback for the queue with the message attached. Runs in the {@code h} extension
 * too (the caller hangs up to end the message). The contract is in docs/dialplan-contract.md. Both modules are
 * optional, dynamic references: while one is not running the application still answers and says so.
 */
@Component(service = AgiScript.class)
@AgiApplication("voicemail")
public class VoicemailApplication extends CallPathApplication {

    /** What the application tells the dialplan in CALLSCORE_VOICEMAIL. */
    enum Status {
        /** a message, and a callback for it */
        LEFT,
        /** no message: silence, a hang-up before speaking; nothing kept */
        EMPTY,
        /** a message kept in the index, but no callback: the caller's number is unknown */
        NO_NUMBER,
        /** the recording or the callback module is not running, or refused: see Karaf's log */
        UNAVAILABLE
    }

    private static final Logger LOG = LoggerFactory.getLogger(VoicemailApplication.class);
    private static final String DEFAULT_REASON = "voicemail";

    private final HeldReference<RecordingCapture> capture;

    private final HeldReference<Callbacks> callbacks;

    public VoicemailApplication() {
        capture = new HeldReference<>();
        callbacks = new HeldReference<>();
    }

    VoicemailApplication(RecordingCapture capture, Callbacks callbacks) {
        this.capture = new HeldReference<>(capture);
        this.callbacks = new HeldReference<>(callbacks);
    }

    @Deactivate
    void deactivate() {
        capture.hold();
        callbacks.hold();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCapture(RecordingCapture service) {
        capture.bind(service);
    }

    void unbindCapture(RecordingCapture service) {
        capture.unbind(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCallbacks(Callbacks service) {
        callbacks.bind(service);
    }

    void unbindCallbacks(Callbacks service) {
        callbacks.unbind(service);
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String uniqueId = CallIds.uniqueId("voicemail", request);
        String queue = CallIds.queue("voicemail", "agi://HOST/voicemail?queue=NAME&file=FILE", request);
        String file = Optional.ofNullable(request.getParameter("file")).orElse("");
        if (file.isEmpty()) {
            throw new AgiException("voicemail needs file=: the CALLSCORE_RECORDING_FILE of recording?action=start"
                    + "&kind=voicemail that Record() wrote");
        }
        String server;
        try {
            server = AsteriskServer.of(request.getParameter("server"), request.getRemoteAddress());
        } catch (IllegalArgumentException e) {
            throw new AgiException("voicemail: " + e.getMessage());
        }
        Optional<ZoneId> zone = CustomerZone.of("voicemail", request); // empty: the site's
        String reason = Optional.ofNullable(request.getParameter("reason")).filter(r -> !r.isBlank())
                .orElse(DEFAULT_REASON);
        Optional<String> linkedId = CallIds.linkedId(channel);

        RecordingCapture index = capture.get().orElse(null); // once: it may go between the test and the call
        if (index == null) {
            // the file stays where it is: the index's folder scan finds it once the module runs again
            LOG.warn("Voicemail of call {} for queue {}: the recording module is not running; the file is kept for "
                    + "its folder scan, no callback made", uniqueId, queue);
            tell(channel, Status.UNAVAILABLE, Optional.empty(), Optional.empty());
            return;
        }
        Optional<LeftMessage> left;
        try {
            left = index.messageLeft(server, uniqueId, linkedId, file);
        } catch (RecordingRefusedException e) {
            throw new AgiException("voicemail: " + e.getMessage());
        }
        if (left.isEmpty()) {
            LOG.info("Voicemail of call {} for queue {}: no message left", uniqueId, queue);
            tell(channel, Status.EMPTY, Optional.empty(), Optional.empty());
            return;
        }
        LeftMessage message = left.get();
        Callbacks service = callbacks.get().orElse(null);
        if (service == null) {
            LOG.warn("Voicemail of call {} for queue {}: message kept (recording {}), but the callback module is not "
                    + "running: no callback made", uniqueId, queue, message.id().map(String::valueOf).orElse("not indexed yet"));
            tell(channel, Status.UNAVAILABLE, Optional.empty(), Optional.of(message));
            return;
        }
        String id;
        try {
            id = service.request(new CallbackRequest(queue, Optional.ofNullable(request.getCallerIdNumber()).orElse(""),
                    zone, Optional.empty(), reason, CallbackSource.VOICEMAIL, Optional.empty(), Optional.of(uniqueId),
                    Optional.empty(), "phone", Optional.of(new CallbackMessage(message.path(), message.id(),
                            message.length()))));
        } catch (IllegalArgumentException e) {
            // the number is not logged: the CDR of this uniqueid has it
            boolean noNumber = e.getMessage() != null && e.getMessage().startsWith("customerNumber");
            LOG.warn("Voicemail of call {} for queue {}: message kept, no callback: {}", uniqueId, queue,
                    noNumber ? "the caller's number is unknown or not one to call" : e.getMessage());
            tell(channel, noNumber ? Status.NO_NUMBER : Status.UNAVAILABLE, Optional.empty(), Optional.of(message));
            return;
        } catch (RuntimeException e) {
            LOG.error("Voicemail of call {} for queue {}: message kept, the callback could not be requested: {}",
                    uniqueId, queue, e.toString());
            tell(channel, Status.UNAVAILABLE, Optional.empty(), Optional.of(message));
            return;
        }
        LOG.info("Callback {} requested by a voicemail of {} s for queue {} (call {})", id,
                message.length().toSeconds(), queue, uniqueId);
        tell(channel, Status.LEFT, Optional.of(id), Optional.of(message));
    }

    private static void tell(AgiChannel channel, Status status, Optional<String> callback,
            Optional<LeftMessage> message) throws AgiException {
        channel.setVariable("CALLSCORE_VOICEMAIL", status.name());
        channel.setVariable("CALLSCORE_VOICEMAIL_CALLBACK", callback.orElse(""));
        channel.setVariable("CALLSCORE_VOICEMAIL_SECONDS",
                message.map(m -> String.valueOf(m.length().toSeconds())).orElse(""));
    }
}

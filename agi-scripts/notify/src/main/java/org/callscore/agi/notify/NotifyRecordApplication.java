package org.callscore.agi.notify;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.callscore.agi.AgiApplication;
import org.callscore.notify.NotificationMessage;
import org.callscore.notify.NotificationMessage.MessageSource;
import org.callscore.support.bundle.CallPathClasses;
import org.callscore.support.definition.SoundNames;
import org.callscore.support.text.LogText;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://127.0.0.1:4573/notify-record?message=NAME)}: an administrator records a campaign's message by
 * phone. After the beep the caller speaks (ended by {@code #}, silence or the longest time), hears it back and keys 1
 * to keep it, 2 to hear it again, 3 to record it again (Asterisk's own {@code vm-review} prompt). The file is
 * {@code RECORDED_FOLDER/NAME.wav} in Asterisk's sounds folder, which the campaign's message {@code recorded:NAME}
 * plays. The contract is in docs/dialplan-contract.md.
 */
@Component(service = AgiScript.class, configurationPid = "org.callscore.agi.notify.record",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@AgiApplication("notify-record")
@Designate(ocd = NotifyRecordApplication.Config.class)
public class NotifyRecordApplication implements AgiScript {

    @ObjectClassDefinition(name = "CallScore notify-record application",
            description = "Recording a notification campaign's message by phone")
    @interface Config {

        @AttributeDefinition(name = "Messages folder", description = "Where recorded messages go, in Asterisk's "
                + "sounds folder (as the notify application's recorded.folder); Asterisk must be able to write there")
        String recorded_folder() default NotifyApplication.RECORDED_FOLDER;

        @AttributeDefinition(name = "Longest message (s)", description = "A recording ends after this many seconds")
        int max_seconds() default 180;

        @AttributeDefinition(name = "Silence (s)", description = "A recording ends after this much silence")
        int silence_seconds() default 5;

        @AttributeDefinition(name = "Takes", description = "How many recordings one call may make before it ends")
        int takes() default 5;
    }

    /** What the application tells the dialplan in CALLSCORE_NOTIFY_RECORD. */
    enum Status { KEPT, NOT_KEPT }

    private static final Logger LOG = LoggerFactory.getLogger(NotifyRecordApplication.class);
    private static final String REVIEW = "vm-review"; // 1 accept, 2 listen, 3 re-record
    private static final long REVIEW_WAIT_MILLIS = 5000;

    private Config config;

    public NotifyRecordApplication() {
        // for Declarative Services
    }

    NotifyRecordApplication(Config config) {
        activate(config);
    }

    @Activate
    void activate(BundleContext context, Config config) {
        CallPathClasses.load(context.getBundle());
        activate(config);
    }

    private void activate(Config config) {
        if (config.max_seconds() < 1 || config.max_seconds() > 3600 || config.silence_seconds() < 0
                || config.takes() < 1 || config.takes() > 20
                || !SoundNames.isValid(config.recorded_folder())) {
            throw new IllegalArgumentException("org.callscore.agi.notify.record: max.seconds must be 1-3600, "
                    + "silence.seconds 0 or more, takes 1-20, recorded.folder a folder inside Asterisk's sounds "
                    + "folder (" + SoundNames.RULE + ")");
        }
        this.config = config;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String name = request.getParameter("message");
        try {
            if (name == null || name.contains("/")) {
                throw new IllegalArgumentException("no name");
            }
            new NotificationMessage(MessageSource.RECORDED, name);
        } catch (IllegalArgumentException e) {
            throw new AgiException("notify-record needs message=NAME (letters, digits, '-', '_'): '"
                    + LogText.of(name) + "' is not one");
        }
        String file = config.recorded_folder() + "/" + name;
        channel.setVariable("CALLSCORE_NOTIFY_RECORD", Status.NOT_KEPT.name());
        channel.answer();
        for (int take = 1; take <= config.takes(); take++) {
            int ended = channel.sendCommand(new RecordFileCommand(file, "wav", "#",
                    config.max_seconds() * 1000, 0, true, config.silence_seconds())).getResultCode();
            if (ended < 0) {
                channel.getChannelStatus(); // throws AgiHangupException when the caller hung up while recording
                throw new AgiException("notify-record: Asterisk cannot write " + file + ".wav in its sounds folder "
                        + "(create the folder and let Asterisk's user write there)");
            }
            char key = review(channel, file);
            if (key == 0) {
                break;
            }
            if (key == '1') {
                channel.setVariable("CALLSCORE_NOTIFY_RECORD", Status.KEPT.name());
                channel.setVariable("CALLSCORE_NOTIFY_RECORD_MESSAGE", "recorded:" + name);
                channel.streamFile("vm-msgsaved");
                LOG.info("Notify: message {} recorded by phone (call {}, take {})", name, request.getUniqueId(), take);
                return;
            }
        }
        LOG.info("Notify: message {} recorded by phone but not kept (call {}); the last take is in {}", name,
                request.getUniqueId(), file);
    }

    /**
     * Plays the take back and asks what to do (2 plays it again), three times at most when nothing is keyed.
     *
     * @return 1 keep, 3 record again, 0 no answer
     */
    private static char review(AgiChannel channel, String file) throws AgiException {
        char key = play(channel, file, "123");
        for (int unanswered = 0; unanswered < 3;) {
            if (key == 0) {
                key = play(channel, REVIEW, "123");
            }
            if (key == 0) {
                int waited = channel.sendCommand(new WaitForDigitCommand(REVIEW_WAIT_MILLIS)).getResultCode();
                if (waited < 0) {
                    channel.getChannelStatus(); // throws AgiHangupException when the caller hung up
                }
                key = waited <= 0 ? 0 : (char) waited;
            }
            if (key == '1' || key == '3') {
                return key;
            }
            if (key == '2') {
                key = play(channel, file, "123");
            } else {
                unanswered++;
                key = 0;
            }
        }
        return 0;
    }

    private static char play(AgiChannel channel, String sound, String keys) throws AgiException {
        int result = channel.sendCommand(new StreamFileCommand(sound, keys)).getResultCode();
        if (result < 0) {
            channel.getChannelStatus();
            return 0;
        }
        return (char) result;
    }
}

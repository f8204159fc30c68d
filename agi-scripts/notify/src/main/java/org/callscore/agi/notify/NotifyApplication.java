package org.callscore.agi.notify;

import java.util.Optional;
import java.util.function.LongSupplier;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.callscore.agi.AgiApplication;
import org.callscore.notify.AnsweredCall;
import org.callscore.notify.HeardMessage;
import org.callscore.notify.MachineHandling;
import org.callscore.notify.NotificationCalls;
import org.callscore.notify.NotificationMessage;
import org.callscore.notify.NumberOutcome;
import org.callscore.support.agi.HeldReference;
import org.callscore.support.bundle.CallPathClasses;
import org.callscore.support.rules.Uuid;
import org.callscore.support.text.LogText;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://127.0.0.1:4573/notify)} on an answered notification call (the shipped {@code [callscore-notify]}
 * context): plays the campaign's message, takes its keys and stores the outcome through {@link NotificationCalls}.
 * The contract (variables read and set, every error) is in docs/dialplan-contract.md.
 */
@Component(service = AgiScript.class, configurationPid = "org.callscore.agi.notify",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@AgiApplication("notify")
@Designate(ocd = NotifyApplication.Config.class)
public class NotifyApplication implements AgiScript {

    @ObjectClassDefinition(name = "CallScore notify application",
            description = "What a person or an answering machine hears on a notification call")
    @interface Config {

        @AttributeDefinition(name = "Repeats", description = "How many times the repeat key plays the message again")
        int repeats() default 3;

        @AttributeDefinition(name = "Key time (s)", description = "How long a key is awaited after the message")
        int key_seconds() default 3;

        @AttributeDefinition(name = "Opted out", description = "What a person hears after the opt-out key")
        String prompt_opted_out() default "auth-thankyou";

        @AttributeDefinition(name = "Messages folder", description = "Where recorded messages are, as Asterisk "
                + "reads them (a RECORDED message NAME plays FOLDER/NAME)")
        String recorded_folder() default RECORDED_FOLDER;

        @AttributeDefinition(name = "Beep wait", description = "WaitForSilence() options before a message is left "
                + "on a machine: silence ms, times, timeout s")
        String beep_wait() default "1500,1,20";
    }

    /** What the application tells the dialplan in CALLSCORE_NOTIFY. */
    enum Status { HEARD, AGENT, OPTED_OUT, MACHINE, UNKNOWN, UNAVAILABLE, FAILED }

    static final String ATTEMPT = "CALLSCORE_NOTIFY_ATTEMPT";
    /** Where recorded messages are by default, in Asterisk's sounds folder. */
    static final String RECORDED_FOLDER = "callscore/notify";
    private static final Logger LOG = LoggerFactory.getLogger(NotifyApplication.class);
    private static final char NONE = 0;

    private final HeldReference<NotificationCalls> calls;

    private Config config;
    private LongSupplier millis = System::currentTimeMillis;

    public NotifyApplication() {
        calls = new HeldReference<>();
    }

    NotifyApplication(NotificationCalls calls, Config config, LongSupplier millis) {
        this.calls = new HeldReference<>(calls);
        this.config = config;
        this.millis = millis;
    }

    @Activate
    void activate(BundleContext context, Config config) {
        CallPathClasses.load(context.getBundle());
        if (config.repeats() < 0 || config.repeats() > 9 || config.key_seconds() < 0 || config.key_seconds() > 30) {
            throw new IllegalArgumentException("org.callscore.agi.notify: repeats must be 0-9 and key.seconds 0-30");
        }
        this.config = config;
    }

    /** The keys pressed and the message heard so far, kept across a hang-up. */
    private static final class Heard {
        final StringBuilder keys = new StringBuilder();
        long millis;
    }

    @Deactivate
    void deactivate() {
        calls.hold();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCalls(NotificationCalls service) {
        calls.bind(service);
    }

    void unbindCalls(NotificationCalls service) {
        calls.unbind(service);
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String attempt = Optional.ofNullable(channel.getVariable(ATTEMPT)).orElse("");
        if (!Uuid.isValid(attempt)) {
            throw new AgiException("notify: " + ATTEMPT + " '" + LogText.of(attempt) + "' is not an attempt id: is "
                    + "this the shipped [callscore-notify] context?");
        }
        NotificationCalls service = calls.get().orElse(null);
        if (service == null) {
            LOG.warn("Notify attempt {}: the notify module is not running; the message was not played", attempt);
            channel.setVariable("CALLSCORE_NOTIFY", Status.UNAVAILABLE.name());
            return;
        }
        Optional<AnsweredCall> found = service.answered(attempt);
        if (found.isEmpty()) {
            LOG.warn("Notify attempt {}: unknown or ended already; nothing played", attempt);
            channel.setVariable("CALLSCORE_NOTIFY", Status.UNKNOWN.name());
            return;
        }
        AnsweredCall call = found.get();
        boolean machine = "MACHINE".equalsIgnoreCase(Optional.ofNullable(channel.getVariable("AMDSTATUS")).orElse(""));
        Heard heard = new Heard();
        try {
            if (machine) {
                machine(channel, service, call, heard);
            } else {
                person(channel, service, call, heard);
            }
        } catch (AgiHangupException gone) {
            store(service, call, new HeardMessage(machine ? NumberOutcome.MACHINE : NumberOutcome.ANSWERED,
                    heard.millis, heard.keys.toString(), false));
            throw gone;
        } catch (MessageNotPlayable e) {
            try {
                service.messageUnplayable(call.attemptId(), e.sound);
            } catch (RuntimeException notStored) {
                LOG.error("Notify attempt {}: the message {} cannot be played, and that could not be stored: {}",
                        call.attemptId(), LogText.of(e.sound), notStored.toString());
            }
            channel.setVariable("CALLSCORE_NOTIFY", Status.FAILED.name());
            throw e;
        }
    }

    /** The campaign's message is not on the PBX (or has no codec): Asterisk's STREAM FILE failed on a live call. */
    private static final class MessageNotPlayable extends AgiException {

        private static final long serialVersionUID = 1L;
        final String sound;

        MessageNotPlayable(String sound) {
            super("notify: the sound '" + LogText.of(sound) + "' cannot be played (is it in Asterisk's sounds "
                    + "folder?): the campaign is paused");
            this.sound = sound;
        }
    }

    private void machine(AgiChannel channel, NotificationCalls service, AnsweredCall call, Heard heard)
            throws AgiException {
        if (call.machine() == MachineHandling.HANG_UP_AND_RETRY) {
            store(service, call, new HeardMessage(NumberOutcome.MACHINE, 0, "", false));
            channel.setVariable("CALLSCORE_NOTIFY", Status.MACHINE.name());
            return;
        }
        channel.sendCommand(new ExecCommand("WaitForSilence", config.beep_wait()));
        play(channel, sound(call.message()), "", heard);
        store(service, call, new HeardMessage(NumberOutcome.MACHINE, heard.millis, "", false));
        channel.setVariable("CALLSCORE_NOTIFY", Status.MACHINE.name());
    }

    private void person(AgiChannel channel, NotificationCalls service, AnsweredCall call, Heard heard)
            throws AgiException {
        String keys = call.keys().escapeDigits();
        String sound = sound(call.message());
        for (int played = 0; played <= config.repeats(); played++) {
            char playedKey = play(channel, sound, keys, heard);
            char key = playedKey == NONE && !keys.isEmpty() && config.key_seconds() > 0
                    ? waitForKey(channel, config.key_seconds() * 1000L) : playedKey;
            if (key == NONE) {
                break;
            }
            heard.keys.append(key);
            if (call.keys().repeat().filter(k -> k == key).isPresent()) {
                continue;
            }
            if (call.keys().agent().filter(k -> k == key).isPresent()) {
                store(service, call, new HeardMessage(NumberOutcome.ANSWERED, heard.millis, heard.keys.toString(), true));
                channel.setVariable("CALLSCORE_NOTIFY_QUEUE", call.keys().queue().orElseThrow());
                channel.setVariable("CALLSCORE_NOTIFY", Status.AGENT.name());
                return;
            }
            if (call.keys().optOut().filter(k -> k == key).isPresent()) {
                store(service, call, new HeardMessage(NumberOutcome.OPTED_OUT, heard.millis, heard.keys.toString(),
                        false));
                channel.setVariable("CALLSCORE_NOTIFY", Status.OPTED_OUT.name());
                play(channel, config.prompt_opted_out(), "", new Heard());
                return;
            }
        }
        store(service, call, new HeardMessage(NumberOutcome.ANSWERED, heard.millis, heard.keys.toString(), false));
        channel.setVariable("CALLSCORE_NOTIFY", Status.HEARD.name());
    }

    private String sound(NotificationMessage message) {
        return message.source() == NotificationMessage.MessageSource.SOUND ? message.name()
                : config.recorded_folder() + "/" + message.name();
    }

    /**
     * Plays a sound that the given keys interrupt, adding what was heard: STREAM FILE's endpos (samples at 8 kHz)
     * when Asterisk gives it, else the time it took.
     */
    private char play(AgiChannel channel, String sound, String keys, Heard heard) throws AgiException {
        long started = millis.getAsLong();
        AgiReply reply;
        try {
            reply = channel.sendCommand(new StreamFileCommand(sound, keys));
        } catch (AgiHangupException gone) {
            heard.millis += Math.max(0, millis.getAsLong() - started);
            throw gone;
        }
        int result = reply.getResultCode();
        if (result < 0) {
            channel.getChannelStatus(); // throws AgiHangupException when the caller is gone
            throw new MessageNotPlayable(sound);
        }
        String endpos = reply.getAttribute("endpos");
        heard.millis += endpos != null && endpos.matches("[0-9]{1,12}") ? Long.parseLong(endpos) / 8
                : Math.max(0, millis.getAsLong() - started);
        return (char) result;
    }

    private static char waitForKey(AgiChannel channel, long millis) throws AgiException {
        int result = channel.sendCommand(new WaitForDigitCommand(millis)).getResultCode();
        if (result < 0) {
            channel.getChannelStatus();
            throw new AgiException("WAIT FOR DIGIT failed on a live channel");
        }
        return (char) result;
    }

    private static void store(NotificationCalls service, AnsweredCall call, HeardMessage heard) {
        try {
            service.heard(call.attemptId(), heard);
            LOG.info("Notify attempt {}: {}, {} ms heard, keys '{}'", call.attemptId(), heard.outcome(),
                    heard.heardMillis(), heard.keys());
        } catch (RuntimeException e) {
            // the context's hang-up event, then the CDR, still end the attempt
            LOG.error("Notify attempt {}: the outcome {} could not be stored: {}", call.attemptId(), heard.outcome(),
                    e.toString());
        }
    }
}

package org.callscore.agi.callback;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.callscore.agi.AgiApplication;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.Callbacks;
import org.callscore.site.SiteZone;
import org.callscore.support.agi.CallIds;
import org.callscore.support.agi.CustomerZone;
import org.callscore.support.agi.HeldReference;
import org.callscore.support.bundle.CallPathClasses;
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
 * {@code AGI(agi://127.0.0.1:4573/callback?queue=Q[&reason=R][&zone=Z])}: the caller asks to be called back. The
 * contract (parameters, variables set, behaviour on every error) is in docs/dialplan-contract.md. The callback
 * module is an optional, dynamic reference: while it is not running the application still answers, says so in
 * {@code CALLSCORE_CALLBACK=UNAVAILABLE}, and the dialplan goes on.
 */
@Component(service = AgiScript.class, configurationPid = "org.callscore.agi.callback",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@AgiApplication("callback")
@Designate(ocd = CallbackApplication.Config.class)
public class CallbackApplication implements AgiScript {

    @ObjectClassDefinition(name = "CallScore callback application",
            description = "The callback AGI application: the caller asks to be called back")
    @interface Config {

        @AttributeDefinition(name = "Timeout", description = "Seconds the caller has to key an answer")
        int timeout_seconds() default 6;

        @AttributeDefinition(name = "Retries", description = "Tries after the first one at each question")
        int retries() default 2;

        @AttributeDefinition(name = "Date and time format",
                description = "The format of SAY DATETIME for the time read back (Asterisk's say.conf format letters)")
        String datetime_format() default "ABdY 'digits/at' IMp";

        String prompt_number() default "to-call-this-number";

        String prompt_confirm() default "if-correct-press&digits/1&vm-press&digits/2&vm-changeto";

        String prompt_enter_number() default "vm-enter-num-to-call&astcc-followed-by-the-pound-key";

        String prompt_when() default "vm-press&digits/1&one-moment-please&vm-press&digits/2&time";

        String prompt_enter_time() default "dir-usingkeypad&time&astcc-followed-by-the-pound-key";

        String prompt_time() default "time";

        String prompt_invalid() default "pm-invalid-option";

        String prompt_thanks() default "auth-thankyou";

        String prompt_sorry() default "sorry-youre-having-problems";
    }

    /** What the application tells the dialplan in CALLSCORE_CALLBACK. */
    enum Status { REQUESTED, DECLINED, UNAVAILABLE, FAILED, HANGUP }

    private static final Logger LOG = LoggerFactory.getLogger(CallbackApplication.class);
    private static final int REASON_MAX_LENGTH = 200;

    private final HeldReference<Callbacks> callbacks;

    @Reference
    private SiteZone siteZone;

    private Prompts prompts;
    private String dateTimeFormat;
    private int timeoutSeconds;
    private int retries;

    public CallbackApplication() {
        callbacks = new HeldReference<>();
    }

    CallbackApplication(Callbacks callbacks, SiteZone siteZone, Prompts prompts, String dateTimeFormat,
            int timeoutSeconds, int retries) {
        this.callbacks = new HeldReference<>(callbacks);
        this.siteZone = siteZone;
        configure(prompts, dateTimeFormat, timeoutSeconds, retries);
    }

    @Activate
    void activate(BundleContext context, Config config) {
        CallPathClasses.load(context.getBundle());
        configure(new Prompts(config.prompt_number(), config.prompt_confirm(), config.prompt_enter_number(),
                config.prompt_when(), config.prompt_enter_time(), config.prompt_time(), config.prompt_invalid(),
                config.prompt_thanks(), config.prompt_sorry()), config.datetime_format(), config.timeout_seconds(),
                config.retries());
    }

    private void configure(Prompts prompts, String dateTimeFormat, int timeoutSeconds, int retries) {
        if (timeoutSeconds < 1 || timeoutSeconds > 60 || retries < 0 || retries > 9) {
            throw new IllegalArgumentException("org.callscore.agi.callback: timeout.seconds must be 1-60 and "
                    + "retries 0-9, not " + timeoutSeconds + " and " + retries);
        }
        if (dateTimeFormat.isBlank() || dateTimeFormat.chars().anyMatch(c -> c == '"' || c == '\\' || c < ' ')) {
            throw new IllegalArgumentException("org.callscore.agi.callback: datetime.format '"
                    + LogText.of(dateTimeFormat) + "' is empty or has a quote, a backslash or a control character");
        }
        this.prompts = prompts;
        this.dateTimeFormat = dateTimeFormat;
        this.timeoutSeconds = timeoutSeconds;
        this.retries = retries;
    }

    @Deactivate
    void deactivate() {
        callbacks.hold();
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
        String uniqueId = CallIds.uniqueId("callback", request);
        String queue = CallIds.queue("callback", "agi://HOST/callback?queue=NAME", request);
        ZoneId zone = CustomerZone.of("callback", request).orElseGet(siteZone::zone);
        String reason = reason(request.getParameter("reason"));
        channel.answer();
        CallbackCall call = new CallbackCall(channel, prompts, dateTimeFormat, timeoutSeconds, retries,
                () -> ZonedDateTime.now(zone));
        if (callbacks.get().isEmpty()) {
            unavailable(channel, queue, "before the caller was asked");
            call.play(prompts.sorry());
            return;
        }
        Optional<CallbackCall.Confirmed> confirmed;
        try {
            confirmed = call.run(Optional.ofNullable(request.getCallerIdNumber()));
        } catch (AgiHangupException gone) {
            hungUp(channel, call.step());
            throw gone;
        }
        if (confirmed.isEmpty()) {
            LOG.info("Callback for queue {} on {}: declined at '{}'", queue, LogText.of(request.getChannel()),
                    call.step());
            tell(channel, Status.DECLINED, call.step(), Optional.empty(), Optional.empty());
            return;
        }
        Callbacks service = callbacks.get().orElse(null); // once: it may go between the test and the call
        if (service == null) {
            unavailable(channel, queue, "after the caller confirmed");
            call.play(prompts.sorry());
            return;
        }
        CallbackCall.Confirmed what = confirmed.get();
        String id;
        try {
            id = service.request(new CallbackRequest(queue, what.number(), Optional.of(zone), Optional.empty(),
                    reason, CallbackSource.PHONE, what.askedFor().map(ZonedDateTime::toInstant),
                    Optional.of(uniqueId), Optional.empty(), "phone"));
        } catch (RuntimeException e) {
            // the number is not logged: the CDR of this uniqueid has it
            LOG.error("Callback for queue {} on call {} could not be requested: {}", queue, uniqueId, e.toString());
            tell(channel, Status.FAILED, "request", Optional.empty(), Optional.empty());
            call.play(prompts.sorry());
            return;
        }
        LOG.info("Callback {} requested by phone for queue {} (call {}), {}", id, queue, uniqueId,
                what.askedFor().map(at -> "for " + at).orElse("as soon as possible"));
        tell(channel, Status.REQUESTED, "done", Optional.of(id), what.askedFor());
        call.play(prompts.thanks());
    }

    /**
     * For an {@code h} extension or a hang-up handler: Asterisk runs SET VARIABLE on a channel that is gone (dead
     * mode), and AGISTATUS=HANGUP says the rest. Nothing was stored.
     */
    private static void hungUp(AgiChannel channel, String step) {
        try {
            tell(channel, Status.HANGUP, step, Optional.empty(), Optional.empty());
        } catch (AgiException e) {
            LOG.debug("CALLSCORE_CALLBACK=HANGUP not set on a channel gone: {}", e.toString());
        }
    }

    private void unavailable(AgiChannel channel, String queue, String when) throws AgiException {
        LOG.warn("Callback for queue {}: the callback module is not running ({}); nothing stored", queue, when);
        tell(channel, Status.UNAVAILABLE, "unavailable", Optional.empty(), Optional.empty());
    }

    /** Routing first: the variables are set before the closing sound, so a hang-up during it changes nothing. */
    private static void tell(AgiChannel channel, Status status, String step, Optional<String> id,
            Optional<ZonedDateTime> at) throws AgiException {
        channel.setVariable("CALLSCORE_CALLBACK", status.name());
        channel.setVariable("CALLSCORE_CALLBACK_STEP", step);
        channel.setVariable("CALLSCORE_CALLBACK_ID", id.orElse(""));
        channel.setVariable("CALLSCORE_CALLBACK_AT", at.map(t -> String.valueOf(t.toEpochSecond())).orElse(""));
    }

    /** Text the dialplan gives; control characters go, so it stays one line wherever it is shown. */
    static String reason(String reason) {
        if (reason == null) {
            return "";
        }
        String clean = reason.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return clean.length() > REASON_MAX_LENGTH ? clean.substring(0, REASON_MAX_LENGTH) : clean;
    }
}

package org.callscore.agi.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.Callbacks;
import org.callscore.testing.asterisk.FastAgiCall;
import org.callscore.testing.asterisk.ServedCall;
import org.callscore.testing.components.OneMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The callback flow as Asterisk drives it: the keys a caller presses, and what is requested, or not. */
class CallbackApplicationTest {

    private static final ZoneId SITE = ZoneId.of("Europe/Paris");
    private static final Prompts PROMPTS = new Prompts("to-call-this-number", "if-correct-press&digits/1",
            "vm-enter-num-to-call", "vm-press&digits/1", "dir-usingkeypad", "time", "pm-invalid-option",
            "auth-thankyou", "sorry-youre-having-problems");
    private static final String GET_CONFIRM = "GET DATA \"if-correct-press&digits/1\"";

    /** The callbacks requested, in order; a request that throws when {@code refusal} is set. */
    private static final class Requests {
        final List<CallbackRequest> made = new ArrayList<>();
        RuntimeException refusal;

        /** Only request() is called; any other method fails the test. */
        Callbacks service() {
            return OneMethod.of(Callbacks.class, "request", args -> {
                if (refusal != null) {
                    throw refusal;
                }
                made.add((CallbackRequest) args[0]);
                return "cb-" + made.size();
            });
        }
    }

    private final Requests requests = new Requests();
    private final Callbacks module = requests.service();
    private final CallbackApplication application = new CallbackApplication(module, () -> SITE, PROMPTS,
            "ABdY 'digits/at' IMp", 5, 2);

    @Test
    void theCallerConfirmsTheirCallerIdAndAsksForAsSoonAsPossible() throws Exception {
        ServedCall.Played call = ServedCall.play(application,
                b -> b.script("callback?queue=support&reason=billing").callerId("0612345678", "Ann").digits("1", "1"));

        assertThat(requests.made).hasSize(1);
        CallbackRequest made = requests.made.get(0);
        assertThat(made.queue()).isEqualTo("support");
        assertThat(made.customerNumber()).isEqualTo("0612345678");
        assertThat(made.customerZone()).contains(SITE);
        assertThat(made.reason()).isEqualTo("billing");
        assertThat(made.source()).isEqualTo(CallbackSource.PHONE);
        assertThat(made.askedFor()).isEmpty();
        assertThat(made.callUniqueId()).contains("1700000000.42");
        assertThat(made.actor()).isEqualTo("phone");
        assertThat(call.commands()).contains("SAY DIGITS \"0612345678\" \"\"");
        assertThat(call.variable("CALLSCORE_CALLBACK")).isEqualTo("REQUESTED");
        assertThat(call.variable("CALLSCORE_CALLBACK_ID")).isEqualTo("cb-1");
        assertThat(call.variable("CALLSCORE_CALLBACK_AT")).isEmpty();
        assertThat(call.asterisk().agiStatus()).isEqualTo("SUCCESS");
        // the variables are set before the thanks, so a hang-up during it leaves the dialplan its answer
        assertThat(call.commands().indexOf("SET VARIABLE \"CALLSCORE_CALLBACK\" \"REQUESTED\""))
                .isLessThan(call.commands().indexOf("EXEC \"Playback\" \"auth-thankyou\""));
    }

    @Test
    void anotherNumberAndATimeReadBackInTheCustomersZone() throws Exception {
        ZoneId customer = ZoneId.of("America/New_York");
        ServedCall.Played call = ServedCall.play(application,
                b -> b.script("callback?queue=support&zone=America/New_York").callerId("0612345678", "Ann")
                        .digits("2", "5551234567#", "1", "2", "1430#", "1"));

        assertThat(requests.made).hasSize(1);
        CallbackRequest made = requests.made.get(0);
        assertThat(made.customerNumber()).isEqualTo("5551234567");
        assertThat(made.customerZone()).contains(customer);
        Instant at = made.askedFor().orElseThrow();
        assertThat(at.atZone(customer).toLocalTime()).isEqualTo(LocalTime.of(14, 30));
        assertThat(at).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(1)));
        assertThat(call.commands()).contains("SAY DIGITS \"5551234567\" \"\"",
                "SAY DATETIME " + at.getEpochSecond() + " \"\" \"ABdY 'digits/at' IMp\" \"America/New_York\"");
        assertThat(call.variable("CALLSCORE_CALLBACK_AT")).isEqualTo(String.valueOf(at.getEpochSecond()));
    }

    @Test
    void anUnknownCallerIdGoesStraightToKeyingTheNumber() throws Exception {
        ServedCall.Played call = ServedCall.play(application,
                b -> b.script("callback?queue=support").callerId(null, null).digits("0145678901#", "1", "1"));

        assertThat(requests.made).extracting(CallbackRequest::customerNumber).containsExactly("0145678901");
        assertThat(call.commands()).filteredOn(c -> c.startsWith("GET DATA")).first().asString()
                .startsWith("GET DATA \"vm-enter-num-to-call\"");
    }

    @Test
    void invalidKeysAndSilenceAreAskedAgainThenTheCallerIsDeclined() throws Exception {
        ServedCall.Played call = ServedCall.play(application,
                b -> b.script("callback?queue=support").callerId("0612345678", "Ann")
                        .digits("1", "7", FastAgiCall.TIMEOUT, "9"));

        assertThat(requests.made).isEmpty();
        assertThat(call.variable("CALLSCORE_CALLBACK")).isEqualTo("DECLINED");
        assertThat(call.variable("CALLSCORE_CALLBACK_STEP")).isEqualTo("when");
        // three tries (retries 2), the invalid sound between them only
        assertThat(call.commands()).filteredOn(c -> c.startsWith("GET DATA \"vm-press&digits/1\"")).hasSize(3);
        assertThat(call.commands()).filteredOn(c -> c.contains("pm-invalid-option")).hasSize(2);
    }

    @Test
    void anImpossibleTimeIsAskedAgain() throws Exception {
        ServedCall.Played call = ServedCall.play(application,
                b -> b.script("callback?queue=support").callerId("0612345678", "Ann")
                        .digits("1", "2", "2561#", "0930#", "1"));

        assertThat(requests.made).hasSize(1);
        assertThat(requests.made.get(0).askedFor().orElseThrow().atZone(SITE).toLocalTime())
                .isEqualTo(LocalTime.of(9, 30));
        assertThat(call.commands()).filteredOn(c -> c.startsWith("SAY DATETIME")).hasSize(1);
    }

    @Test
    void starCancels() throws Exception {
        ServedCall.Played call = ServedCall.play(application,
                b -> b.script("callback?queue=support").callerId("0612345678", "Ann").digits("1", "2", "*"));

        assertThat(requests.made).isEmpty();
        assertThat(call.variable("CALLSCORE_CALLBACK")).isEqualTo("DECLINED");
        assertThat(call.variable("CALLSCORE_CALLBACK_STEP")).isEqualTo("time");
    }

    /** A hang-up at any question stores nothing: the request is made only once everything is confirmed. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void aHangUpAtAnyQuestionStoresNothing(int keysBefore) throws Exception {
        List<String> keys = new ArrayList<>(List.of("2", "5551234567#", "1", "2", "1430#").subList(0, keysBefore));
        keys.add(FastAgiCall.CALLER_HANGS_UP);
        ServedCall.Played call = ServedCall.play(application,
                b -> b.script("callback?queue=support").callerId("0612345678", "Ann")
                        .digits(keys.toArray(String[]::new)));

        assertThat(requests.made).isEmpty();
        assertThat(call.asterisk().agiStatus()).isEqualTo("HANGUP");
        // set in dead mode, for an h extension or a hang-up handler
        assertThat(call.variable("CALLSCORE_CALLBACK")).isEqualTo("HANGUP");
        assertThat(call.variable("CALLSCORE_CALLBACK_STEP")).isEqualTo(keysBefore < 3 ? "number"
                : keysBefore == 3 ? "when" : "time");
        assertThat(call.variable("CALLSCORE_CALLBACK_ID")).isEmpty();
    }

    @Test
    void theCallbackModuleNotRunningIsSaidAndTheDialplanGoesOn() throws Exception {
        application.unbindCallbacks(module);

        ServedCall.Played call = ServedCall.play(application,
                b -> b.script("callback?queue=support").callerId("0612345678", "Ann").digits("1", "1"));

        assertThat(call.variable("CALLSCORE_CALLBACK")).isEqualTo("UNAVAILABLE");
        assertThat(call.asterisk().agiStatus()).isEqualTo("SUCCESS");
        assertThat(call.commands()).contains("EXEC \"Playback\" \"sorry-youre-having-problems\"")
                .noneMatch(c -> c.startsWith("GET DATA"));
    }

    /** A call where the caller confirms their number, and {@code meanwhile} happens while they choose when. */
    private ServedCall.Played whileTheCallerChooses(Runnable meanwhile) throws Exception {
        return ServedCall.play(application,
                b -> b.script("callback?queue=support").callerId("0612345678", "Ann").digits("1", "1"),
                asterisk -> {
                    asterisk.respondUntil(c -> c.startsWith("GET DATA \"vm-press&digits/1\""),
                            Duration.ofSeconds(20));
                    meanwhile.run();
                    return asterisk.runToEnd(Duration.ofSeconds(20));
                });
    }

    @Test
    void theCallbackModuleStoppingWhileTheCallerAnswersIsSaidAndNothingIsStored() throws Exception {
        ServedCall.Played call = whileTheCallerChooses(() -> application.unbindCallbacks(module));

        assertThat(requests.made).isEmpty();
        assertThat(call.variable("CALLSCORE_CALLBACK")).isEqualTo("UNAVAILABLE");
    }

    @Test
    void thisApplicationStoppingWhileTheCallerAnswersStillRequestsTheCallback() throws Exception {
        ServedCall.Played call = whileTheCallerChooses(() -> {
            // its bundle updated: DS deactivates the component, then unbinds what it had
            application.deactivate();
            application.unbindCallbacks(module);
        });

        assertThat(requests.made).hasSize(1);
        assertThat(call.variable("CALLSCORE_CALLBACK")).isEqualTo("REQUESTED");
    }

    @Test
    void aRefusedRequestIsFailedAndTheCallerHearsSorry() throws Exception {
        requests.refusal = new IllegalArgumentException("queue: no such queue");

        ServedCall.Played call = ServedCall.play(application,
                b -> b.script("callback?queue=support").callerId("0612345678", "Ann").digits("1", "1"));

        assertThat(call.variable("CALLSCORE_CALLBACK")).isEqualTo("FAILED");
        assertThat(call.variable("CALLSCORE_CALLBACK_ID")).isEmpty();
        assertThat(call.commands()).contains("EXEC \"Playback\" \"sorry-youre-having-problems\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"callback", "callback?queue=", "callback?queue=a%20b", "callback?queue=x&zone=Mars/Base"})
    void aBadUrlFailsTheAgiBeforeAnythingIsPlayed(String script) throws Exception {
        ServedCall.Played call = ServedCall.play(application,
                b -> b.script(script).callerId("0612345678", "Ann"));

        assertThat(call.thrown()).isPresent();
        assertThat(call.commands()).noneMatch(c -> c.startsWith("ANSWER") || c.startsWith("GET DATA"));
        assertThat(requests.made).isEmpty();
    }

    @Test
    void reasonsLoseControlCharactersAndAreBounded() {
        assertThat(CallbackApplication.reason(" late\r\ndelivery ")).isEqualTo("latedelivery");
        assertThat(CallbackApplication.reason("x".repeat(500))).hasSize(200);
        assertThat(CallbackApplication.reason(null)).isEmpty();
    }
}

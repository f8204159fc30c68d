package org.callscore.agi.callback;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Supplier;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.SayDateTimeCommand;
import org.asteriskjava.fastagi.command.SayDigitsCommand;
import org.callscore.support.rules.DiallableNumber;

/**
 * One caller asking for a callback: confirms the number to call (their caller ID read back, or one they key), then
 * chooses as soon as possible or a day and time, read back in the customer's zone and confirmed. Nothing is stored
 * here: {@link #run} returns what the caller confirmed, and only then does the application request the callback,
 * so a hang-up at any step leaves nothing half made. {@code *} at any question ends the flow (declined); an invalid
 * key or silence plays the invalid sound and asks again, up to the retries.
 */
final class CallbackCall {

    /** What the caller confirmed. @param askedFor empty: as soon as possible */
    record Confirmed(String number, Optional<ZonedDateTime> askedFor) {
    }

    /** Digits only, a leading + kept; 3 digits at least (short internal numbers), 20 at most (E.164 and prefixes). */
    private static final String CANCEL = "*";

    private final AgiChannel channel;
    private final Prompts prompts;
    private final String dateTimeFormat;
    private final int timeoutMillis;
    private final int retries;
    private final Supplier<ZonedDateTime> now;
    /** The question the caller is at, or stopped at: number, when, time. */
    private String step = "number";

    CallbackCall(AgiChannel channel, Prompts prompts, String dateTimeFormat, int timeoutSeconds, int retries,
            Supplier<ZonedDateTime> now) {
        this.channel = channel;
        this.prompts = prompts;
        this.dateTimeFormat = dateTimeFormat;
        this.timeoutMillis = timeoutSeconds * 1000;
        this.retries = retries;
        this.now = now;
    }

    /**
     * @param callerId the channel's caller ID number, if Asterisk has one
     * @return what the caller confirmed; empty when they cancelled or ran out of retries
     * @throws org.asteriskjava.fastagi.AgiHangupException when the caller hangs up
     */
    Optional<Confirmed> run(Optional<String> callerId) throws AgiException {
        Optional<String> number = number(callerId.filter(DiallableNumber::isValid));
        if (number.isEmpty()) {
            return Optional.empty();
        }
        step = "when";
        Optional<String> when = choose(prompts.when(), "12");
        if (when.isEmpty()) {
            return Optional.empty();
        }
        if (when.get().equals("1")) {
            return Optional.of(new Confirmed(number.get(), Optional.empty()));
        }
        step = "time";
        return time().map(at -> new Confirmed(number.get(), Optional.of(at)));
    }

    /** @return the question the caller is at or stopped at: {@code number}, {@code when} or {@code time} */
    String step() {
        return step;
    }

    private Optional<String> number(Optional<String> callerId) throws AgiException {
        Optional<String> offered = callerId;
        for (int failures = 0; failures <= retries;) {
            if (offered.isEmpty()) {
                String keys = ask(prompts.enterNumber(), DiallableNumber.MAX_DIGITS);
                if (keys.startsWith(CANCEL)) {
                    return Optional.empty();
                }
                if (!DiallableNumber.isValid(keys)) {
                    failures = invalid(failures);
                    continue;
                }
                offered = Optional.of(keys);
            }
            play(prompts.numberIntro());
            say(new SayDigitsCommand(offered.get().replace("+", ""), ""));
            Optional<String> choice = choose(prompts.confirm(), "12");
            if (choice.isEmpty()) {
                return Optional.empty();
            }
            if (choice.get().equals("1")) {
                return offered;
            }
            offered = Optional.empty(); // 2: the caller keys another, which counts as a try
            failures++;
        }
        return Optional.empty();
    }

    private Optional<ZonedDateTime> time() throws AgiException {
        for (int failures = 0; failures <= retries;) {
            String keys = ask(prompts.enterTime(), KeyedTime.MAX_DIGITS);
            if (keys.startsWith(CANCEL)) {
                return Optional.empty();
            }
            Optional<ZonedDateTime> at = KeyedTime.parse(keys, now.get());
            if (at.isEmpty()) {
                failures = invalid(failures);
                continue;
            }
            play(prompts.timeIntro());
            ZoneId zone = at.get().getZone();
            say(new SayDateTimeCommand(at.get().toEpochSecond(), "", dateTimeFormat, zone.getId()));
            Optional<String> choice = choose(prompts.confirm(), "12");
            if (choice.isEmpty()) {
                return Optional.empty();
            }
            if (choice.get().equals("1")) {
                return at;
            }
            failures++; // 2: the caller keys another time, which counts as a try
        }
        return Optional.empty();
    }

    /** Asks a one-key question. @return one of {@code valid}; empty when cancelled or the retries are spent */
    private Optional<String> choose(String prompt, String valid) throws AgiException {
        for (int failures = 0; failures <= retries;) {
            String key = ask(prompt, 1);
            if (key.equals(CANCEL)) {
                return Optional.empty();
            }
            if (key.length() == 1 && valid.contains(key)) {
                return Optional.of(key);
            }
            failures = invalid(failures);
        }
        return Optional.empty();
    }

    /** @return the failures so far, counting this one; the invalid sound is played when another try follows */
    private int invalid(int failures) throws AgiException {
        if (failures < retries) {
            play(prompts.invalid());
        }
        return failures + 1;
    }

    /** GET DATA: the prompt, then keys until #, the most digits, or the timeout. @return the keys, "" for none */
    private String ask(String prompt, int maxDigits) throws AgiException {
        String keys = channel.getData(prompt, timeoutMillis, maxDigits);
        if ("-1".equals(keys)) {
            // the caller hung up (this next command then throws AgiHangupException), or the prompt is missing on the
            // Asterisk host, which leaves the caller with silence: counted as no answer
            channel.getChannelStatus();
            return "";
        }
        return keys == null ? "" : keys;
    }

    /** Plays sounds no key interrupts; Playback leaves AGISTATUS alone when one is missing (STREAM FILE would not). */
    void play(String sounds) throws AgiException {
        if (channel.exec("Playback", sounds) < 0) {
            channel.getChannelStatus(); // the caller hung up: this command throws AgiHangupException
        }
    }

    private void say(AgiCommand command) throws AgiException {
        if (channel.sendCommand(command).getResultCode() < 0) {
            channel.getChannelStatus(); // the caller hung up: this command throws AgiHangupException
        }
    }
}

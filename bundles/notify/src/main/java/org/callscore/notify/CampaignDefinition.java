package org.callscore.notify;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a campaign plays, to whom, when and how.
 *
 * @param name            unique, 1 to 64 letters, digits, {@code -}, {@code _} or {@code .}
 * @param message         what is played when someone answers
 * @param window          the days and daily hours calls may start, in each customer's zone
 * @param maxInFlight     the most calls of this campaign in flight at once (ringing or answered), 1 to
 *                        {@link #MOST_IN_FLIGHT}
 * @param startsPerSecond the most calls this campaign starts per second, 1 to {@link #MOST_STARTS_PER_SECOND}
 *                        ({@link #DEFAULT_STARTS_PER_SECOND})
 * @param retries         per outcome that may be retried ({@link RetryOutcome}), the delay and the most attempts (at
 *                        most {@link #MOST_ATTEMPTS}); an outcome missing: never retried
 * @param machine         what to do when Asterisk's {@code AMD()} finds an answering machine
 * @param keys            the keys a person may press while the message plays
 */
public record CampaignDefinition(String name, NotificationMessage message, CampaignWindow window, int maxInFlight,
        int startsPerSecond, Map<RetryOutcome, RetryRule> retries, MachineHandling machine, CampaignKeys keys) {

    /** VICIdial's default rate per server. */
    public static final int DEFAULT_STARTS_PER_SECOND = 5;

    /*
     * The limits of every campaign, however it is created (the console's definition file and options, the
     * dashboard's form): the one rule, here, that both read.
     */

    /** The most calls one campaign may have in flight. */
    public static final int MOST_IN_FLIGHT = 1000;

    /** The most calls one campaign may start per second. */
    public static final int MOST_STARTS_PER_SECOND = 100;

    /** The most attempts in all a retry rule may allow a number. */
    public static final int MOST_ATTEMPTS = 20;

    public CampaignDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(keys, "keys");
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(
                    "name must be 1 to 64 letters, digits, '-', '_' or '.': '" + name + "'");
        }
        if (maxInFlight < 1 || maxInFlight > MOST_IN_FLIGHT) {
            throw new IllegalArgumentException("maxInFlight must be 1 to " + MOST_IN_FLIGHT + ": " + maxInFlight);
        }
        if (startsPerSecond < 1 || startsPerSecond > MOST_STARTS_PER_SECOND) {
            throw new IllegalArgumentException("startsPerSecond must be 1 to " + MOST_STARTS_PER_SECOND + ": "
                    + startsPerSecond);
        }
        EnumMap<RetryOutcome, RetryRule> copy = new EnumMap<>(RetryOutcome.class);
        copy.putAll(retries);
        copy.forEach((outcome, rule) -> {
            if (rule.attempts() > MOST_ATTEMPTS) {
                throw new IllegalArgumentException("retry of " + outcome + " must allow at most " + MOST_ATTEMPTS
                        + " attempts: " + rule.attempts());
            }
        });
        retries = Map.copyOf(copy);
    }

    /** @return the most attempts a number may have when its last attempt ended this way; 1: never retried */
    public int attemptsFor(RetryOutcome outcome) {
        RetryRule rule = retries.get(outcome);
        return rule == null ? 1 : rule.attempts();
    }
}

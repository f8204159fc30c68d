package org.callscore.notify;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a person may press while the message plays; each empty: that key does nothing. Keys are DTMF digits,
 * {@code *} or {@code #}, all different.
 *
 * @param repeat the key that plays the message again from the start
 * @param agent  the key that reaches an agent of {@code queue}
 * @param queue  the queue the agent key reaches (a queues.conf section); present exactly when {@code agent} is
 * @param optOut the key that adds the number to the do-not-call list and says so
 */
public record CampaignKeys(Optional<Character> repeat, Optional<Character> agent, Optional<String> queue,
        Optional<Character> optOut) {

    private static final String DTMF = "0123456789*#";

    public CampaignKeys {
        Objects.requireNonNull(repeat, "repeat");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(optOut, "optOut");
        Set<Character> seen = new HashSet<>();
        for (Optional<Character> key : List.of(repeat, agent, optOut)) {
            if (key.isPresent()) {
                if (DTMF.indexOf(key.get()) < 0) {
                    throw new IllegalArgumentException("key must be a digit, '*' or '#': '" + key.get() + "'");
                }
                if (!seen.add(key.get())) {
                    throw new IllegalArgumentException("key '" + key.get() + "' is used twice");
                }
            }
        }
        if (agent.isPresent() != queue.isPresent()) {
            throw new IllegalArgumentException("the agent key needs a queue, and a queue needs the agent key");
        }
    }

    public static CampaignKeys none() {
        return new CampaignKeys(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return the keys that end the playing of the message, for the dialplan's or AGI's escape digits */
    public String escapeDigits() {
        StringBuilder digits = new StringBuilder();
        repeat.ifPresent(digits::append);
        agent.ifPresent(digits::append);
        optOut.ifPresent(digits::append);
        return digits.toString();
    }
}

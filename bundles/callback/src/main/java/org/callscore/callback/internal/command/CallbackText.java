package org.callscore.callback.internal.command;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.callscore.callback.Callback;
import org.callscore.callback.CallbackAttempt;
import org.callscore.callback.CallbackChange;
import org.callscore.support.table.TextTable;

/** The text of the callback:* commands. Times are the customer's local times, with the zone. */
final class CallbackText {

    private static final String NL = System.lineSeparator();

    private CallbackText() {
    }

    /** @return the number with all but its last three digits hidden ({@code +33*******678}) */
    static String masked(String number) {
        int shown = number.length() > 6 ? 3 : 1;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            out.append(i >= number.length() - shown || c == '+' ? c : '*');
        }
        return out.toString();
    }

    static String time(Instant at, ZoneId zone) {
        return CallbackCommand.TIME.format(at.atZone(zone));
    }

    static String list(List<Callback> callbacks, boolean numbers) {
        if (callbacks.isEmpty()) {
            return "No callbacks match." + NL;
        }
        String row = TextTable.row("%-{w}s  %-16s  %-16s  %-9s  %-12s  %-10s  %5s  %-15s  %s%n", "Id",
                callbacks.stream().map(Callback::id).toList());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, row, "Id", "Due (customer)", "Zone", "State",
                "Queue", "Agent", "Tries", "Number", "Reason"));
        for (Callback c : callbacks) {
            out.append(String.format(Locale.ROOT, row, c.id(), time(c.dueAt(), c.customerZone()), c.customerZone(),
                    c.state().name().toLowerCase(Locale.ROOT), c.queue(), c.agent().orElse("-"), c.attempts(),
                    numbers ? c.customerNumber() : masked(c.customerNumber()), c.reason() + message(c)));
        }
        return out.append(callbacks.size()).append(callbacks.size() == 1 ? " callback" : " callbacks")
                .append(numbers ? "" : "; numbers partly hidden (--numbers shows them, and is logged)").append(NL)
                .toString();
    }

    /** One callback as it stands, e.g. after a change. */
    static String summary(Callback c, boolean number) {
        ZoneId zone = c.customerZone();
        return "Callback " + c.id() + NL
                + "  Queue:      " + c.queue() + c.agent().map(a -> " (agent " + a + ")").orElse("") + NL
                + "  Number:     " + (number ? c.customerNumber() : masked(c.customerNumber())) + NL
                + "  State:      " + c.state().name().toLowerCase(Locale.ROOT) + ", " + c.attempts()
                + (c.attempts() == 1 ? " attempt" : " attempts") + ", sequence " + c.sequence() + NL
                + "  Asked for:  " + c.askedFor().map(t -> time(t, zone) + " " + zone).orElse("as soon as possible")
                + NL
                + "  Due:        " + time(c.dueAt(), zone) + " " + zone + " (expires " + time(c.expiresAt(), zone) + ")"
                + NL
                + "  Requested:  " + time(c.requestedAt(), zone) + " by " + c.source().name().toLowerCase(Locale.ROOT)
                + c.callUniqueId().map(u -> " in call " + u).orElse("")
                + c.surveyResponse().map(r -> " after survey response " + r).orElse("") + NL
                + "  Reason:     " + (c.reason().isEmpty() ? "-" : c.reason()) + NL
                + c.message().map(m -> "  Message:    " + m.length().toSeconds() + " s" + m.recording()
                        .map(r -> ", recording " + r).orElse(", not indexed yet") + NL).orElse("")
                + c.closedAt().map(t -> "  Closed:     " + time(t, zone) + NL).orElse("");
    }

    /** @return what the list says of a callback's voice message */
    private static String message(Callback c) {
        return c.message().map(m -> (c.reason().isEmpty() ? "" : " ") + "[voice message " + m.length().toSeconds()
                + " s]").orElse("");
    }

    static String history(Callback c, List<CallbackChange> changes, List<CallbackAttempt> attempts, boolean number) {
        ZoneId zone = c.customerZone();
        StringBuilder out = new StringBuilder(summary(c, number)).append(NL).append("History (").append(zone)
                .append(")").append(NL);
        for (CallbackChange change : changes) {
            out.append(String.format(Locale.ROOT, "  %s  %-15s %-12s %s%n", time(change.at(), zone),
                    change.kind().name().toLowerCase(Locale.ROOT), change.actor(), change.detail()));
        }
        if (!attempts.isEmpty()) {
            out.append(NL).append("Attempts").append(NL);
            for (CallbackAttempt a : attempts) {
                out.append(String.format(Locale.ROOT, "  %d  %s  %-16s %-12s node %s, channel %s%n", a.number(),
                        time(a.claimedAt(), zone), a.outcome().map(o -> o.name().toLowerCase(Locale.ROOT))
                                .orElse("in progress"),
                        a.customerUniqueId().orElse("-"), a.node(), a.channelId()));
            }
        }
        return out.toString();
    }
}

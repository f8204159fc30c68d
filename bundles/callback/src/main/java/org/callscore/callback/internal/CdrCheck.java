package org.callscore.callback.internal;

import java.util.List;
import java.util.Optional;

import org.callscore.callback.AttemptOutcome;
import org.jdbi.v3.core.Handle;

/**
 * What Asterisk's CDR says of an attempt whose node stopped before its outcome was known. The agent's leg has the
 * attempt's channel id as uniqueid; the customer's leg, dialled from it, has it as linkedid, and the agent leg's
 * {@code Dial} row carries the customer's disposition. No row: the call was not placed (or its CDR is not written
 * yet), so the attempt is LOST, never simply dialled again.
 */
final class CdrCheck {

    private record Row(String uniqueId, String lastApp, String disposition) {
    }

    private CdrCheck() {
    }

    /** @param table the CDR table's name, checked to be a plain identifier (it cannot be bound) */
    /** The detail of an outcome for which the CDR has no row yet: the call may not have ended. */
    static final String NO_ROW = "no CDR row for the channel id";

    static AttemptStore.Outcome outcome(Handle h, String table, String channelId) {
        List<Row> rows;
        try {
            rows = h.createQuery("SELECT uniqueid, lastapp, disposition FROM " + table + " WHERE uniqueid = :c OR "
                    + "linkedid = :c ORDER BY start, sequence").bind("c", channelId)
                    .map((rs, ctx) -> new Row(rs.getString(1), nonNull(rs.getString(2)), nonNull(rs.getString(3))))
                    .list();
        } catch (RuntimeException unreadable) {
            return new AttemptStore.Outcome(AttemptOutcome.LOST, "the CDR table " + table + " cannot be read",
                    Optional.empty(), Optional.empty());
        }
        if (rows.isEmpty()) {
            return new AttemptStore.Outcome(AttemptOutcome.LOST, NO_ROW, Optional.empty(), Optional.empty());
        }
        Optional<String> agent = rows.stream().map(Row::uniqueId).filter(channelId::equals).findFirst();
        Optional<String> customer = rows.stream().map(Row::uniqueId).filter(u -> !u.equals(channelId)).findFirst();
        Optional<Row> dial = rows.stream().filter(r -> r.uniqueId().equals(channelId) && r.lastApp().equalsIgnoreCase("Dial"))
                .reduce((first, last) -> last);
        if (dial.isPresent()) {
            String disposition = dial.get().disposition();
            return new AttemptStore.Outcome(customerOutcome(disposition), "CDR: customer " + disposition, agent, customer);
        }
        boolean agentAnswered = rows.stream().anyMatch(r -> r.disposition().equals("ANSWERED"));
        boolean failed = rows.stream().allMatch(r -> r.disposition().equals("FAILED") || r.disposition().equals("CONGESTION"));
        return new AttemptStore.Outcome(failed ? AttemptOutcome.FAILED : AttemptOutcome.AGENT_NO_ANSWER,
                agentAnswered ? "CDR: the agent answered, the customer was not dialled" : "CDR: agent " + rows.get(0).disposition(),
                agent, customer);
    }

    /** @return the outcome of a customer leg with that CDR disposition */
    static AttemptOutcome customerOutcome(String disposition) {
        return switch (disposition) {
            case "ANSWERED" -> AttemptOutcome.ANSWERED;
            case "BUSY" -> AttemptOutcome.BUSY;
            case "NO ANSWER" -> AttemptOutcome.NO_ANSWER;
            default -> AttemptOutcome.FAILED;
        };
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

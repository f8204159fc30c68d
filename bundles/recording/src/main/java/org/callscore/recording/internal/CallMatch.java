package org.callscore.recording.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.callscore.support.rules.TableName;
import org.jdbi.v3.core.Jdbi;

/**
 * Who was on a recorded call, from Asterisk's own tables: the queue and the agent from queue_log's CONNECT row
 * (its callid is the caller's uniqueid, its data2 the uniqueid of the agent's channel that was bridged), the
 * caller's number from the caller's CDR row. Read as the reports module reads them; only through indexed columns
 * (callid, uniqueid).
 */
final class CallMatch {

    /** What was found: the caller's channel, and whether the CDR has that call yet. */
    record Found(String callerUniqueId, Optional<String> caller, Optional<String> agent, Optional<String> queue,
            boolean inCdr) {
    }

    private record Connect(String callid, String queue, String agent, String bridged) {
    }

    private final Supplier<Jdbi> jdbi;
    private final String queueLog;
    private final String cdr;

    CallMatch(Supplier<Jdbi> jdbi, String queueLogTable, String cdrTable) {
        this.jdbi = jdbi;
        this.queueLog = TableName.of("queue_log.table", queueLogTable);
        this.cdr = TableName.of("cdr.table", cdrTable);
    }

    /**
     * @param channelUniqueId the recorded channel: the caller's, or the agent's when the dialplan recorded that leg
     * @param linkedId        the call's linkedid (the caller's uniqueid when the caller's channel started the call)
     */
    Found find(String channelUniqueId, Optional<String> linkedId) {
        String other = linkedId.orElse(channelUniqueId);
        List<Connect> connects = jdbi.get().withHandle(h -> h.createQuery("SELECT callid, queuename, agent, data2 FROM "
                + queueLog + " WHERE callid IN (:u, :l) AND event = 'CONNECT' ORDER BY id DESC")
                .bind("u", channelUniqueId).bind("l", other)
                .map((rs, ctx) -> new Connect(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
        Optional<Connect> connect = connects.stream().filter(c -> channelUniqueId.equals(c.bridged())).findFirst()
                .or(() -> connects.stream().filter(c -> channelUniqueId.equals(c.callid())).findFirst())
                .or(() -> connects.stream().findFirst());
        String callerChannel = connect.map(Connect::callid).orElse(channelUniqueId);
        Optional<Optional<String>> src = jdbi.get().withHandle(h -> h.createQuery("SELECT src FROM " + cdr
                + " WHERE uniqueid = :u ORDER BY start LIMIT 1").bind("u", callerChannel)
                .map((rs, ctx) -> Optional.ofNullable(rs.getString(1))).findOne());
        return new Found(callerChannel, src.flatMap(s -> s.flatMap(CallerNumber::normalised)),
                connect.map(Connect::agent).filter(a -> !a.isBlank()),
                connect.map(Connect::queue).filter(q -> !q.isBlank()), src.isPresent());
    }
}

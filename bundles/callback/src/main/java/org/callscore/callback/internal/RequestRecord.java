package org.callscore.callback.internal;

import static org.callscore.support.files.RecordSpool.instant;
import static org.callscore.support.files.RecordSpool.millis;
import static org.callscore.support.files.RecordSpool.required;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;

import org.callscore.callback.Callback;
import org.callscore.callback.CallbackMessage;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.CallbackState;

/** A callback request as the spool keeps it: the callback as first written, and who requested it. */
final class RequestRecord {

    record Request(Callback callback, String actor) {
    }

    private RequestRecord() {
    }

    static Properties of(Callback c, String actor) {
        Properties p = new Properties();
        p.setProperty("id", c.id());
        p.setProperty("queue", c.queue());
        p.setProperty("number", c.customerNumber());
        p.setProperty("zone", c.customerZone().getId());
        c.agent().ifPresent(a -> p.setProperty("agent", a));
        p.setProperty("reason", c.reason());
        p.setProperty("source", c.source().name());
        p.setProperty("requested", millis(c.requestedAt()));
        c.askedFor().ifPresent(a -> p.setProperty("asked", millis(a)));
        p.setProperty("due", millis(c.dueAt()));
        p.setProperty("expires", millis(c.expiresAt()));
        c.callUniqueId().ifPresent(u -> p.setProperty("uniqueid", u));
        c.surveyResponse().ifPresent(r -> p.setProperty("response", r));
        c.message().ifPresent(m -> {
            p.setProperty("message.file", m.file());
            m.recording().ifPresent(r -> p.setProperty("message.recording", String.valueOf(r)));
            p.setProperty("message.ms", String.valueOf(m.length().toMillis()));
        });
        p.setProperty("actor", actor);
        return p;
    }

    /** @throws RuntimeException naming what is missing or wrong, for a file that was edited or cut */
    static Request read(Properties p) {
        Instant requested = instant(p, "requested");
        Callback c = new Callback(RequestRules.isId(required(p, "id")) ? p.getProperty("id") : bad("id"),
                RequestRules.queue(required(p, "queue")), RequestRules.number(required(p, "number")),
                ZoneId.of(required(p, "zone")), Optional.ofNullable(p.getProperty("agent")),
                RequestRules.reason(p.getProperty("reason", "")), CallbackSource.valueOf(required(p, "source")),
                requested, Optional.ofNullable(p.getProperty("asked")).map(v -> Instant.ofEpochMilli(Long.parseLong(v))),
                instant(p, "due"), instant(p, "expires"), CallbackState.SCHEDULED, 0, 0,
                RequestRules.uniqueId(Optional.ofNullable(p.getProperty("uniqueid"))),
                RequestRules.surveyResponse(Optional.ofNullable(p.getProperty("response"))), Optional.empty(), requested,
                RequestRules.message(message(p)));
        return new Request(c, required(p, "actor"));
    }

    private static Optional<CallbackMessage> message(Properties p) {
        return Optional.ofNullable(p.getProperty("message.file")).map(file -> new CallbackMessage(file,
                Optional.ofNullable(p.getProperty("message.recording")).map(Long::valueOf),
                Duration.ofMillis(Long.parseLong(required(p, "message.ms")))));
    }

    private static String bad(String key) {
        throw new IllegalArgumentException("bad " + key);
    }
}

package org.callscore.callback.internal.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.callscore.callback.Callback;
import org.callscore.callback.CallbackAttempt;
import org.callscore.callback.CallbackChange;
import org.callscore.callback.CallbackQuery;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackState;
import org.callscore.callback.Callbacks;

/**
 * Callbacks kept in memory, changed as the Callbacks contract says (every change raises the sequence), so the
 * feed can be tested on its own; the feed sees nothing but this interface.
 */
final class KeptCallbacks implements Callbacks {

    private final Map<String, Callback> kept = new LinkedHashMap<>();
    private final Clock clock;

    KeptCallbacks(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String request(CallbackRequest request) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        kept.put(id, new Callback(id, request.queue(), request.customerNumber(),
                request.customerZone().orElse(ZoneId.of("UTC")), request.agent(), request.reason(), request.source(),
                now, request.askedFor(), request.askedFor().orElse(now), now.plusSeconds(7 * 86400),
                CallbackState.SCHEDULED, 0, 0, request.callUniqueId(), request.surveyResponse(), Optional.empty(),
                now));
        return id;
    }

    @Override
    public Callback move(String id, Optional<Instant> askedFor, String actor) {
        Callback c = existing(id);
        return put(new Callback(id, c.queue(), c.customerNumber(), c.customerZone(), c.agent(), c.reason(),
                c.source(), c.requestedAt(), askedFor, askedFor.orElse(clock.instant()), c.expiresAt(),
                CallbackState.SCHEDULED, c.attempts(), c.sequence() + 1, c.callUniqueId(), c.surveyResponse(),
                c.closedAt(), clock.instant()));
    }

    @Override
    public Callback assign(String id, Optional<String> agent, String actor) {
        Callback c = existing(id);
        return put(new Callback(id, c.queue(), c.customerNumber(), c.customerZone(), agent, c.reason(), c.source(),
                c.requestedAt(), c.askedFor(), c.dueAt(), c.expiresAt(), c.state(), c.attempts(), c.sequence() + 1,
                c.callUniqueId(), c.surveyResponse(), c.closedAt(), clock.instant()));
    }

    @Override
    public Callback cancel(String id, String actor, String why) {
        Callback c = existing(id);
        return put(new Callback(id, c.queue(), c.customerNumber(), c.customerZone(), c.agent(), c.reason(),
                c.source(), c.requestedAt(), c.askedFor(), c.dueAt(), c.expiresAt(), CallbackState.CANCELLED,
                c.attempts(), c.sequence() + 1, c.callUniqueId(), c.surveyResponse(), c.closedAt(), clock.instant()));
    }

    @Override
    public Callback close(String id, String actor, String note) {
        throw new UnsupportedOperationException("the feed never closes a callback");
    }

    @Override
    public Optional<Callback> byId(String id) {
        return Optional.ofNullable(kept.get(id));
    }

    @Override
    public List<Callback> find(CallbackQuery query) {
        List<Callback> found = new ArrayList<>();
        for (Callback c : kept.values()) {
            if (query.queue().map(q -> q.equals(c.queue())).orElse(true)
                    && query.agent().map(a -> c.agent().equals(Optional.of(a))).orElse(true)
                    && (query.states().isEmpty() || query.states().contains(c.state()))
                    && query.dueFrom().map(from -> !c.dueAt().isBefore(from)).orElse(true)
                    && query.dueTo().map(to -> c.dueAt().isBefore(to)).orElse(true)) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparing(Callback::dueAt));
        return found.subList(0, Math.min(found.size(), query.limit()));
    }

    @Override
    public List<CallbackChange> history(String id) {
        return List.of();
    }

    @Override
    public List<CallbackAttempt> attempts(String id) {
        return List.of();
    }

    private Callback existing(String id) {
        Callback c = kept.get(id);
        if (c == null) {
            throw new NoSuchElementException("no callback " + id);
        }
        return c;
    }

    private Callback put(Callback callback) {
        kept.put(callback.id(), callback);
        return callback;
    }
}

package org.callscore.callback.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.callscore.callback.Callback;
import org.callscore.callback.CallbackAttempt;
import org.callscore.callback.CallbackChange;
import org.callscore.callback.CallbackMessage;
import org.callscore.callback.CallbackQuery;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackState;
import org.callscore.callback.Callbacks;
import org.callscore.storage.Database;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.database.SpoolReplay;
import org.callscore.support.database.SqlFailures;
import org.callscore.support.files.RecordSpool;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Callbacks} service without OSGi: requests straight to MariaDB within the writer's bound, else to the
 * spool, replayed by {@link #replay()}; every other method reads or changes MariaDB directly and says so when it
 * does not answer. Log lines name the callback's id, never the customer's number.
 */
final class CallbackBook implements Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackBook.class);

    private final RecordSpool spool;
    private final Supplier<Database> database;
    private final BoundedWriter writer;
    private final Clock clock;
    private final Supplier<ZoneId> siteZone;
    private final Supplier<CallbackSettings> settings;
    private final BiFunction<String, ZoneId, CallbackSettings.QueueHours> hours;
    private final SpoolReplay<RequestRecord.Request> replays;

    /**
     * @param database the database now, or null while there is none
     * @param hours    a queue's business hours in a customer's zone
     */
    CallbackBook(RecordSpool spool, Supplier<Database> database, BoundedWriter writer, Clock clock,
            Supplier<ZoneId> siteZone, Supplier<CallbackSettings> settings,
            BiFunction<String, ZoneId, CallbackSettings.QueueHours> hours) {
        this.spool = spool;
        this.database = database;
        this.writer = writer;
        this.clock = clock;
        this.siteZone = siteZone;
        this.settings = settings;
        this.hours = hours;
        this.replays = new SpoolReplay<>(LOG, spool, new SpoolReplay.Names("Callback", "callback", "callback requests"),
                RequestRecord::read, request -> request.callback().id(),
                (jdbi, request) -> jdbi.useTransaction(h -> write(h, request.callback(), request.actor())));
    }

    /** @return the first time at or after {@code wanted} the queue is open in that zone; {@code wanted} if unknown */
    Instant due(String queue, ZoneId zone, Instant wanted) {
        CallbackSettings.QueueHours open = hours.apply(queue, zone);
        if (open.problem().isPresent()) {
            return wanted; // the dialler waits until the hours can be read
        }
        return OpenHours.firstOpen(wanted, open.hours()).orElse(wanted);
    }

    @Override
    public String request(CallbackRequest request) {
        Instant now = clock.instant();
        String queue = RequestRules.queue(request.queue());
        String number = RequestRules.number(request.customerNumber());
        // a zone given is checked; the site's is the administrator's setting, taken as it is
        ZoneId zone = request.customerZone().map(z -> RequestRules.zone(z.getId())).orElseGet(siteZone);
        Optional<String> agent = request.agent().map(a -> RequestRules.name("agent", a));
        String reason = RequestRules.reason(request.reason());
        Optional<Instant> askedFor = RequestRules.askedFor(request.askedFor(), now);
        Optional<String> uniqueId = RequestRules.uniqueId(request.callUniqueId());
        Optional<String> response = RequestRules.surveyResponse(request.surveyResponse());
        Optional<CallbackMessage> message = RequestRules.message(request.message());
        String actor = RequestRules.name("actor", request.actor());
        Instant wanted = askedFor.filter(now::isBefore).orElse(now);
        Instant due = due(queue, zone, wanted);
        Callback callback = new Callback(UUID.randomUUID().toString(), queue, number, zone, agent, reason,
                request.source(), now, askedFor, due, settings.get().rules.expiresAt(due), CallbackState.SCHEDULED, 0, 0,
                uniqueId, response, Optional.empty(), now, message);
        AtomicReference<String> id = new AtomicReference<>(callback.id());
        Database db = database.get();
        if (BoundedWriter.ready(() -> db != null && db.isReady(SCHEMA)) && writer.write(db::jdbi, db::checkNow, jdbi -> id.set(jdbi.inTransaction(h -> write(h, callback, actor))))) {
            return id.get();
        }
        try {
            spool.put(callback.id(), RequestRecord.of(callback, actor));
        } catch (RuntimeException e) {
            throw new IllegalStateException("callback not recorded: MariaDB does not answer and the spool "
                    + spool.folder() + " cannot be written (" + e.getMessage() + ")", e);
        }
        replays.spooled();
        LOG.info("Callback {} for queue {} spooled until MariaDB answers", callback.id(), queue);
        return callback.id();
    }

    /** @return the id the request has in MariaDB: its own, or that of the callback already made for its survey response */
    private static String write(Handle h, Callback callback, String actor) {
        if (callback.surveyResponse().isPresent()) {
            Optional<String> existing = CallbackStore.forSurveyResponse(h, callback.surveyResponse().get(), false);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        try {
            CallbackStore.insert(h, callback, actor);
        } catch (RuntimeException e) {
            // two requests for one survey response at once: the other one's insert came first
            Optional<String> first = callback.surveyResponse().flatMap(r -> duplicate(e)
                    ? CallbackStore.forSurveyResponse(h, r, true) : Optional.empty());
            return first.orElseThrow(() -> e);
        }
        return callback.id();
    }

    /** @return whether MariaDB refused a row for a unique key (ER_DUP_ENTRY) */
    private static boolean duplicate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return sql.getErrorCode() == 1062;
            }
        }
        return false;
    }

    /** @return how many requests wait in the spool */
    int pending() {
        return replays.pending();
    }

    /** Writes the spooled requests, stopping at the first one MariaDB cannot take yet. */
    void replay() {
        Database db = database.get();
        if (db != null && db.isReady(SCHEMA)) {
            replays.replay(db::jdbi, db::checkNow, writer);
        }
    }

    @Override
    public Callback move(String id, Optional<Instant> askedFor, String actor) {
        String who = RequestRules.name("actor", actor);
        return change(id, c -> {
            if (c.state() == CallbackState.DONE || c.state() == CallbackState.CANCELLED) {
                throw new IllegalStateException("callback " + id + " is " + c.state() + ": it cannot be moved");
            }
            if (c.state() == CallbackState.DIALLING) {
                throw new IllegalStateException("callback " + id + " is being dialled now: move it once the attempt ends");
            }
            Instant now = clock.instant();
            Optional<Instant> asked = RequestRules.askedFor(askedFor, now);
            Instant due = due(c.queue(), c.customerZone(), asked.filter(now::isBefore).orElse(now));
            Callback moved = new Callback(c.id(), c.queue(), c.customerNumber(), c.customerZone(), c.agent(), c.reason(),
                    c.source(), c.requestedAt(), asked, due, settings.get().rules.expiresAt(due), CallbackState.SCHEDULED,
                    c.attempts(), c.sequence() + 1, c.callUniqueId(), c.surveyResponse(), c.closedAt(), now, c.message());
            return new Change(moved, new CallbackChange(id, now, CallbackChange.Kind.MOVED, who,
                    "due " + due + asked.map(a -> " (asked for " + a + ")").orElse(" (as soon as possible)")
                            + (c.state() != CallbackState.SCHEDULED ? ", was " + c.state() : "")));
        });
    }

    @Override
    public Callback assign(String id, Optional<String> agent, String actor) {
        String who = RequestRules.name("actor", actor);
        Optional<String> to = agent.map(a -> RequestRules.name("agent", a));
        return change(id, c -> {
            refuseFinal(c, "assigned");
            Instant now = clock.instant();
            return new Change(with(c, to, c.state(), c.closedAt(), now), new CallbackChange(id, now,
                    CallbackChange.Kind.ASSIGNED, who, to.map(a -> "to " + a).orElse("to any agent of " + c.queue())));
        });
    }

    @Override
    public Callback cancel(String id, String actor, String why) {
        String who = RequestRules.name("actor", actor);
        String reason = RequestRules.reason(why);
        return change(id, c -> {
            refuseFinal(c, "cancelled");
            Instant now = clock.instant();
            return new Change(with(c, c.agent(), CallbackState.CANCELLED, c.closedAt(), now),
                    new CallbackChange(id, now, CallbackChange.Kind.CANCELLED, who, reason));
        });
    }

    @Override
    public Callback close(String id, String actor, String note) {
        String who = RequestRules.name("actor", actor);
        String text = RequestRules.reason(note);
        return change(id, c -> {
            if (c.state() == CallbackState.CANCELLED) {
                throw new IllegalStateException("callback " + id + " is CANCELLED: it cannot be closed");
            }
            if (c.closedAt().isPresent()) {
                throw new IllegalStateException("callback " + id + " was closed at " + c.closedAt().get());
            }
            Instant now = clock.instant();
            return new Change(with(c, c.agent(), c.state(), Optional.of(now), now),
                    new CallbackChange(id, now, CallbackChange.Kind.CLOSED, who, text));
        });
    }

    private static void refuseFinal(Callback c, String what) {
        if (c.state().isFinal()) {
            throw new IllegalStateException("callback " + c.id() + " is " + c.state() + ": it cannot be " + what);
        }
    }

    private static Callback with(Callback c, Optional<String> agent, CallbackState state, Optional<Instant> closedAt,
            Instant now) {
        return new Callback(c.id(), c.queue(), c.customerNumber(), c.customerZone(), agent, c.reason(), c.source(),
                c.requestedAt(), c.askedFor(), c.dueAt(), c.expiresAt(), state, c.attempts(), c.sequence() + 1,
                c.callUniqueId(), c.surveyResponse(), closedAt, now, c.message());
    }

    private record Change(Callback callback, CallbackChange line) {
    }

    private Callback change(String id, Function<Callback, Change> change) {
        if (!RequestRules.isId(id)) {
            throw new NoSuchElementException("no callback " + id);
        }
        return withDatabase(h -> h.inTransaction(t -> {
            Callback now = CallbackStore.byId(t, id, true).orElseThrow(() -> new NoSuchElementException("no callback " + id));
            Change made = change.apply(now);
            CallbackStore.update(t, made.callback(), made.line());
            return made.callback();
        }));
    }

    @Override
    public Optional<Callback> byId(String id) {
        return RequestRules.isId(id) ? withDatabase(h -> CallbackStore.byId(h, id, false)) : Optional.empty();
    }

    @Override
    public List<Callback> find(CallbackQuery query) {
        return withDatabase(h -> CallbackStore.find(h, query));
    }

    @Override
    public List<CallbackChange> history(String id) {
        return RequestRules.isId(id) ? withDatabase(h -> CallbackStore.history(h, id)) : List.of();
    }

    @Override
    public List<CallbackAttempt> attempts(String id) {
        return RequestRules.isId(id) ? withDatabase(h -> CallbackStore.attempts(h, id)) : List.of();
    }

    /** Runs a read or a change on MariaDB, which must answer: its failure is an IllegalStateException saying so. */
    private <T> T withDatabase(HandleCallback<T, RuntimeException> work) {
        Database db = database.get();
        if (db == null) {
            throw new IllegalStateException("callbacks cannot be read or changed: no database is configured");
        }
        try {
            return db.jdbi().withHandle(work);
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException mine) {
            throw mine;
        } catch (RuntimeException e) {
            db.checkNow();
            throw new IllegalStateException("callbacks cannot be read or changed now: MariaDB: " + SqlFailures.reason(e), e);
        }
    }
}

package org.callscore.callback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Requesting, changing and reading callbacks. Methods that change a callback add a line to its history and raise
 * its sequence. Bad input ({@code IllegalArgumentException}) names the field and the rule; an unknown id is a
 * {@code java.util.NoSuchElementException}; a change a final callback cannot take (moving a done one) is an
 * {@code IllegalStateException} saying its state.
 */
@ProviderType
public interface Callbacks {

    /** The module name of the callback tables, as its bundle declares them ({@code ModuleSchema}). */
    String SCHEMA = "callback";

    /**
     * Records a request. Never loses one: while MariaDB is down it is kept in a durable spool and written, once,
     * when MariaDB answers again ({@link #byId} finds it from then on).
     *
     * @return the callback's id
     */
    String request(CallbackRequest request);

    /**
     * @param askedFor the new time the customer asked for; empty: as soon as possible
     * @return the callback as it stands after the move (due again, whatever retries it had)
     */
    Callback move(String id, Optional<Instant> askedFor, String actor);

    /** @param agent the agent it is now assigned to; empty: any agent of its queue */
    Callback assign(String id, Optional<String> agent, String actor);

    Callback cancel(String id, String actor, String why);

    /** Marks the customer's case closed (the N-day closure rate counts these); any state but cancelled. */
    Callback close(String id, String actor, String note);

    Optional<Callback> byId(String id);

    List<Callback> find(CallbackQuery query);

    /** @return its history, oldest first */
    List<CallbackChange> history(String id);

    /** @return its attempts, first first */
    List<CallbackAttempt> attempts(String id);
}

package org.callscore.callback.internal.figures;

import java.time.Instant;
import java.util.Optional;

import org.callscore.callback.CallbackState;

/** What the figures need of one callback: its request, where it stands, and when the customer was reached. */
record RequestedCallback(String queue, Optional<String> agent, CallbackState state, Instant requestedAt,
        Optional<Instant> askedFor, Optional<Instant> reachedAt, Optional<Instant> closedAt) {
}

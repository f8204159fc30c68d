package org.callscore.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * @param number  the number, in its normal form
 * @param reason  why (e.g. {@code opted out by phone}); may be empty
 * @param addedBy who added it: a login name, or {@code phone} for an opt-out key
 * @param added   when
 */
public record DoNotCallEntry(String number, String reason, String addedBy, Instant added) {

    public DoNotCallEntry {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(added, "added");
    }
}

package org.callscore.callback;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * iCalendar feeds of callbacks, one per agent and per queue, each at a secret, revocable address. The secret is
 * stored only as a hash and shown once, when it is issued.
 */
@ProviderType
public interface CallbackFeeds {

    /**
     * Issues a new secret for the owner's feed; the old one, if any, stops working.
     *
     * @return the secret, for the feed's address; never logged
     */
    String issue(FeedOwner owner, String actor);

    /** @return whether the owner had a feed, which now answers nothing */
    boolean revoke(FeedOwner owner, String actor);

    /** @return the feeds that work now (never their secrets) */
    List<FeedOwner> feeds();

    /**
     * @param secret as in the feed's address
     * @return the feed as an iCalendar document (text/calendar): one VEVENT per open or recently ended callback,
     *         UID the callback's id, SEQUENCE its sequence, a VALARM before it is due; empty when the secret is
     *         unknown or revoked
     */
    Optional<String> calendar(String secret);
}

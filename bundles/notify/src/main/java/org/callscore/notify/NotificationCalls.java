package org.callscore.notify;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the {@code notify} AGI application needs while a notification call is answered: what to play, and where
 * to store what happened. The attempt id is the channel variable {@code CALLSCORE_NOTIFY_ATTEMPT} the dialler
 * sets on the call.
 */
@ProviderType
public interface NotificationCalls {

    /** @return what to play and which keys work, for an attempt in flight; empty: unknown or already ended */
    Optional<AnsweredCall> answered(String attemptId);

    /**
     * Stores the outcome of an answered attempt (the dialler no longer waits for it). An opt-out adds the number
     * to the do-not-call list in the same transaction. Storing it twice keeps the first.
     */
    void heard(String attemptId, HeardMessage heard);

    /**
     * The campaign's message could not be played on an answered attempt (the sound is not on the PBX, or no codec):
     * the attempt ends {@link NumberOutcome#FAILED}, its number is due again, and the campaign is paused, so that no
     * other customer gets a silent call; it goes on when an operator resumes it once the message plays.
     *
     * @param sound what could not be played, for the log and the attempt's detail
     */
    void messageUnplayable(String attemptId, String sound);
}

package org.callscore.recording;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Finding recordings and hearing them. Every {@link #open} and every {@link #refused} adds a line to the access log;
 * the role check (who may listen) is the caller's, which reports a refusal here so that it is logged too.
 */
@ProviderType
public interface RecordingIndex {

    /** The module name of the recording tables, as its bundle declares them ({@code ModuleSchema}). */
    String SCHEMA = "recording";

    /**
     * @throws IllegalStateException when the database does not answer or the recording tables are not ready
     */
    RecordingPage search(RecordingQuery query);

    Optional<Recording> byId(long id);

    /** @return the ready recordings of a call (by its uniqueid or linkedid), oldest first */
    List<Recording> ofCall(String uniqueIdOrLinkedId);

    /**
     * Opens a recording's file for a listener, and logs it.
     *
     * @throws RecordingRefusedException when it cannot be served (logged as refused, with the reason)
     */
    RecordingFile open(long id, Listener listener, RecordingAccess.Action action);

    /** Logs an attempt refused before {@link #open}, e.g. a user without the listening role. */
    void refused(long id, Listener listener, RecordingAccess.Action action, String why);

    /**
     * @param from  only attempts at or after this
     * @param limit at most this many, newest first
     */
    List<RecordingAccess> accessLog(Instant from, int limit);

    /** Puts a recording under a legal hold: no retention rule purges it until it is released. */
    Recording hold(long id, Listener who, String why);

    Recording release(long id, Listener who, String why);

    /**
     * @return why the recordings folder cannot be read (it is then neither indexed nor served, and the dialplan's
     *         start step is refused), or empty when it can
     */
    Optional<String> folderProblem();
}

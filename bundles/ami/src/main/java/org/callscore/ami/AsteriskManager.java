package org.callscore.ami;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Manager connection to one Asterisk server, from {@code etc/org.callscore.ami-NAME.cfg}. The service is
 * registered while the configuration exists, whether or not Asterisk answers: check {@link #status()}. Its
 * service property {@value #SERVER} names the server, so a module picks one with a target filter.
 */
@ProviderType
public interface AsteriskManager {

    /** The service property naming the Asterisk server (the NAME of its configuration file). */
    String SERVER = "callscore.asterisk.server";

    /** @return the server's name, as in {@value #SERVER} */
    String server();

    /** @return whether the connection is logged in now, and what went wrong last */
    ManagerStatus status();

    /**
     * Places a call with an asynchronous Originate. The stage completes when Asterisk sends the
     * OriginateResponse for it (answered, busy, no answer in time, failed), or exceptionally with
     * {@link ManagerUnavailableException} when the request could not be sent (not connected, refused, or the
     * connection went down before the response came: then the caller must check, e.g. by channel id in the CDR,
     * whether the call was placed, and never simply send it again).
     */
    CompletionStage<OriginateResult> originate(OriginateRequest request);

    /**
     * @param queue a queue name as in queues.conf
     * @return its members as Asterisk sees them now (QueueStatus), completing exceptionally with
     *         {@link ManagerUnavailableException} when not connected
     */
    CompletionStage<List<QueueMember>> queueMembers(String queue);

    /**
     * @param queue a queue name as in queues.conf
     * @return the callers waiting in it now, first first (QueueStatus), completing exceptionally with
     *         {@link ManagerUnavailableException} when not connected
     */
    CompletionStage<List<QueueCaller>> queueCallers(String queue);
}

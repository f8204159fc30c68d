package org.callscore.support.agi;

import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.callscore.support.rules.QueueName;
import org.callscore.support.rules.UniqueId;
import org.callscore.support.text.LogText;

/**
 * The ids of the call an AGI application serves, checked by the one uniqueid rule ({@link UniqueId}), and the queue
 * the dialplan names for it, checked by the one queue name rule ({@link QueueName}).
 */
public final class CallIds {

    private CallIds() {
    }

    /**
     * @param application the application's name, for the error
     * @return the channel's uniqueid
     * @throws AgiException when it is not one Asterisk makes (the call cannot be tied to its CDR or queue_log)
     */
    public static String uniqueId(String application, AgiRequest request) throws AgiException {
        String uniqueId = request.getUniqueId();
        if (!UniqueId.isValid(uniqueId)) {
            throw new AgiException(application + ": the channel's uniqueid '" + LogText.of(uniqueId)
                    + "' is not one Asterisk makes");
        }
        return uniqueId;
    }

    /**
     * @param application the application's name, for the error
     * @param usage       how the dialplan calls it, for the error: {@code agi://HOST/callback?queue=NAME}
     * @return the request's {@code queue} parameter
     * @throws AgiException when it is missing or not a queue name
     */
    public static String queue(String application, String usage, AgiRequest request) throws AgiException {
        String queue = request.getParameter("queue");
        if (!QueueName.isValid(queue)) {
            throw new AgiException(application + " needs a queue: " + usage + " ('" + LogText.of(queue)
                    + "' is not a queue name)");
        }
        return queue;
    }

    /** @return {@code CHANNEL(linkedid)}, shared by the caller's and the agent's CDR rows; none when not valid */
    public static Optional<String> linkedId(AgiChannel channel) throws AgiException {
        return Optional.ofNullable(channel.getVariable("CHANNEL(linkedid)")).filter(UniqueId::isValid);
    }
}

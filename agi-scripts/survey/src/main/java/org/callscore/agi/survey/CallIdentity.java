package org.callscore.agi.survey;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.callscore.support.agi.CallIds;
import org.callscore.support.rules.QueueName;
import org.callscore.support.rules.UniqueId;

/**
 * Which call the survey is about: what the dialplan passed in the AGI URL, else the channel variables that
 * Queue() sets on the caller's channel ({@code setqueuevar} and {@code setinterfacevar} in queues.conf).
 *
 * @param survey   the {@code survey} URL parameter, if given
 * @param uniqueId the caller channel's uniqueid
 * @param linkedId {@code CHANNEL(linkedid)}, shared by the caller's and the agent's CDR rows
 * @param queue    the {@code queue} parameter, else {@code QUEUENAME}
 * @param agent    the {@code agent} parameter, else {@code MEMBERNAME}, else {@code MEMBERINTERFACE}
 */
record CallIdentity(Optional<String> survey, String uniqueId, Optional<String> linkedId, Optional<String> queue,
        Optional<String> agent) {

    /**
     * An agent, or a survey name to look up: printable text, no separators a log or CSV reader could trip on, and
     * short enough for the columns. (A survey= that names no survey is an error, not a reason to choose another.)
     */
    private static final Predicate<String> PLAIN = Pattern.compile("[^\\p{Cntrl},;\"'`\\\\]{1,128}")
            .asMatchPredicate();

    static CallIdentity of(AgiRequest request, AgiChannel channel) throws AgiException {
        String uniqueId = CallIds.uniqueId("survey", request);
        Optional<String> queue = plain(request.getParameter("queue"), QueueName::isValid);
        if (queue.isEmpty()) {
            queue = plain(channel.getVariable("QUEUENAME"), QueueName::isValid);
        }
        Optional<String> agent = plain(request.getParameter("agent"), PLAIN);
        if (agent.isEmpty()) {
            agent = plain(channel.getVariable("MEMBERNAME"), PLAIN);
        }
        if (agent.isEmpty()) {
            agent = plain(channel.getVariable("MEMBERINTERFACE"), PLAIN);
        }
        return new CallIdentity(plain(request.getParameter("survey"), PLAIN), uniqueId,
                plain(channel.getVariable("CHANNEL(linkedid)"), UniqueId::isValid), queue, agent);
    }

    /** @return the value when it is all allowed characters, else empty: a mangled value is no value */
    private static Optional<String> plain(String value, Predicate<String> allowed) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        return allowed.test(trimmed) ? Optional.of(trimmed) : Optional.empty();
    }
}

package org.callscore.agi.survey;

import java.util.Optional;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;

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

    /** Printable text, no separators a log or CSV reader could trip on, and short enough for the columns. */
    private static final Pattern PLAIN = Pattern.compile("[^\\p{Cntrl},;\"'`\\\\]{1,128}");
    private static final Pattern UNIQUE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static CallIdentity of(AgiRequest request, AgiChannel channel) throws AgiException {
        String uniqueId = request.getUniqueId();
        if (uniqueId == null || !UNIQUE_ID.matcher(uniqueId).matches()) {
            throw new AgiException("the channel's uniqueid '" + uniqueId + "' is not one Asterisk makes");
        }
        Optional<String> queue = plain(request.getParameter("queue"), PLAIN);
        if (queue.isEmpty()) {
            queue = plain(channel.getVariable("QUEUENAME"), PLAIN);
        }
        Optional<String> agent = plain(request.getParameter("agent"), PLAIN);
        if (agent.isEmpty()) {
            agent = plain(channel.getVariable("MEMBERNAME"), PLAIN);
        }
        if (agent.isEmpty()) {
            agent = plain(channel.getVariable("MEMBERINTERFACE"), PLAIN);
        }
        return new CallIdentity(plain(request.getParameter("survey"), PLAIN), uniqueId,
                plain(channel.getVariable("CHANNEL(linkedid)"), UNIQUE_ID), queue, agent);
    }

    /** @return the value when it is all allowed characters, else empty: a mangled value is no value */
    private static Optional<String> plain(String value, Pattern allowed) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        return allowed.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
    }
}

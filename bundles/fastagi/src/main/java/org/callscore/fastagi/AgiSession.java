package org.callscore.fastagi;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.command.VerboseCommand;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI session: reads Asterisk's request, runs the named application, and ends the way a dialplan
 * author expects: AGISTATUS=SUCCESS when the application finished, FAILURE when it is unknown, stopped or
 * failed, and a caller's hang-up treated as the normal event it is.
 * <p>
 * Extends asterisk-java's handler only to reuse its protocol reader and writer; the session logic is ours,
 * because the library's logs every hang-up as an error and answers unknown scripts with SUCCESS.
 */
final class AgiSession extends FastAgiConnectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AgiSession.class);
    /** Asterisk's res_agi ends the AGI with AGISTATUS=FAILURE when a line starts with this. */
    private static final String FAILURE = "FAILURE\n";

    private final AgiSocket socket;
    private final ApplicationRegistry applications;
    private final Duration idleWarning;
    private final SessionCounters counters;

    AgiSession(AgiSocket socket, ApplicationRegistry applications, Duration idleWarning, SessionCounters counters) {
        super((request, channel) -> null, socket, new DefaultAgiChannelFactory());
        this.socket = socket;
        this.applications = applications;
        this.idleWarning = idleWarning;
        this.counters = counters;
    }

    @Override
    public void run() {
        counters.started();
        try {
            serve();
        } finally {
            release();
            counters.ended();
        }
    }

    private void serve() {
        AgiReader reader = createReader();
        AgiWriter writer = createWriter();
        String peer = socket.getRemoteAddress().getHostAddress() + ":" + socket.getRemotePort();
        AgiRequest request;
        try {
            request = reader.readRequest();
        } catch (AgiException e) {
            malformed(peer, e.getMessage());
            return;
        }
        if (socket.endOfStream()) {
            malformed(peer, "connection closed before the end of the request's environment block");
            return;
        }
        if (request.getRequestURL() == null) {
            malformed(peer, "no agi_request line: not a FastAGI request");
            return;
        }
        AgiChannel channel = new DefaultAgiChannelFactory().createAgiChannel(request, writer, reader);
        String name = applicationName(request.getScript());
        String where = LogText.of(name) + " on " + LogText.of(request.getChannel());
        if (name.isEmpty() || !ApplicationRegistry.VALID_NAME.matcher(name).matches()) {
            counters.failed();
            LOG.warn("FastAGI request {} from {} names no valid AGI application (expected agi://HOST/NAME)",
                    LogText.of(request.getRequestURL()), peer);
            fail(channel, "CallScore: the AGI URL names no valid application");
            return;
        }
        Optional<AgiScript> application = applications.find(name);
        if (application.isEmpty()) {
            counters.failed();
            if (applications.firstMiss(name)) {
                LOG.warn("No AGI application named '{}' is running (installed: {}); calls asking for it get "
                        + "AGISTATUS=FAILURE. Is its feature installed and its bundle active?",
                        LogText.of(name), applications.names());
            } else {
                LOG.debug("No AGI application named '{}' for {}", LogText.of(name), where);
            }
            fail(channel, "CallScore: no AGI application named " + name + " is running");
            return;
        }
        try {
            socket.commandPhase(idleWarning, waited -> LOG.info(
                    "AGI session {} has waited {} s for Asterisk; it stays open for as long as the call lasts",
                    where, waited.toSeconds()));
        } catch (IOException e) {
            LOG.info("AGI session {} lost its connection before it started: {}", where, e.getMessage());
            return;
        }
        run(application.get(), request, channel, name, where);
    }

    private void run(AgiScript application, AgiRequest request, AgiChannel channel, String name, String where) {
        try {
            application.service(request, channel);
        } catch (AgiHangupException e) {
            LOG.debug("AGI session {}: the caller hung up", where);
        } catch (AgiNetworkException e) {
            LOG.info("AGI session {}: connection to Asterisk lost: {}", where, e.getMessage());
        } catch (AgiException e) {
            counters.failed();
            LOG.warn("AGI session {} failed: {}", where, e.getMessage());
            fail(channel, "CallScore: " + name + " failed");
        } catch (RuntimeException | LinkageError e) {
            // a bug, or a class from a bundle uninstalled mid-call: worth a stack trace
            counters.failed();
            LOG.error("AGI session " + where + " failed", e);
            fail(channel, "CallScore: " + name + " failed");
        }
    }

    /** Strips the slashes a dialplan author may leave around the name, e.g. agi://host/survey/. */
    static String applicationName(String script) {
        if (script == null) {
            return "";
        }
        int start = 0;
        int end = script.length();
        while (start < end && script.charAt(start) == '/') {
            start++;
        }
        while (end > start && script.charAt(end - 1) == '/') {
            end--;
        }
        return script.substring(start, end);
    }

    private void malformed(String peer, String reason) {
        counters.malformed();
        LOG.warn("Malformed FastAGI request from {}: {}", peer, LogText.of(reason));
    }

    /** Tells the Asterisk console why, then ends the AGI with AGISTATUS=FAILURE. */
    private void fail(AgiChannel channel, String message) {
        try {
            channel.sendCommand(new VerboseCommand(message, 1));
        } catch (AgiException e) {
            LOG.debug("could not send VERBOSE before FAILURE: {}", e.getMessage());
        }
        try {
            socket.write(FAILURE);
            socket.flush();
        } catch (IOException e) {
            LOG.debug("could not send FAILURE: {}", e.getMessage()); // the call has gone: nothing to tell
        }
    }
}

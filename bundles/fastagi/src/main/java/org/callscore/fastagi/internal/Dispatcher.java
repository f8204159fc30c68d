package org.callscore.fastagi.internal;

import java.io.IOException;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.fastagi.command.AbstractAgiCommand;
import org.asteriskjava.fastagi.command.VerboseCommand;
import org.callscore.support.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses what runs for each FastAGI request, and wraps it so every session ends the way a dialplan author
 * expects: AGISTATUS=SUCCESS when the application finished, FAILURE when it is unknown, stopped or failed,
 * and a caller's hang-up treated as the normal event it is (asterisk-java would log it as an error with a
 * stack trace, and answer an unknown application with SUCCESS).
 * <p>
 * A call for an application that went less than {@code application.return.seconds} ago (its module is being
 * updated or restarted) waits up to {@code application.wait.seconds} for it to come back instead of failing.
 */
final class Dispatcher implements MappingStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ApplicationRegistry applications;
    private final Listener listener;
    private final ServerSettings settings;
    private final SessionCounters counters;

    Dispatcher(ApplicationRegistry applications, Listener listener, ServerSettings settings, SessionCounters counters) {
        this.applications = applications;
        this.listener = listener;
        this.settings = settings;
        this.counters = counters;
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        Optional<AgiSocket> socket = listener.socketOf(request.getRemoteAddress(), request.getRemotePort());
        String malformed = socket.isEmpty() ? "connection already closed" : socket.get().malformed();
        if (malformed == null && request.getRequestURL() == null) {
            malformed = "no agi_request line: not a FastAGI request";
        }
        if (malformed != null) {
            String reason = malformed;
            return (r, c) -> {
                counters.malformed();
                LOG.warn("Malformed FastAGI request from {}: {}", peer(request), reason);
                socket.ifPresent(Dispatcher::closeQuietly); // nothing more for a peer that is not Asterisk
            };
        }
        String name = applicationName(request.getScript());
        if (!ApplicationRegistry.VALID_NAME.matcher(name).matches()) {
            return (r, c) -> {
                counters.failed();
                LOG.warn("FastAGI request {} from {} names no valid AGI application (expected agi://HOST/NAME)",
                        LogText.of(request.getRequestURL()), peer(request));
                fail(c, "CallScore: the AGI URL names no valid application");
            };
        }
        Optional<AgiScript> application = applications.find(name);
        Session where = new Session(name, request.getChannel());
        if (application.isEmpty()) {
            return (r, c) -> {
                // a module being updated or restarted comes back in a moment: hold its calls for it
                Optional<AgiScript> returned;
                try {
                    returned = applications.awaitReturn(name, settings.applicationReturn(),
                            settings.applicationWait());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    returned = Optional.empty();
                }
                if (returned.isPresent()) {
                    serve(returned.get(), socket.get(), r, c, name, where);
                } else {
                    missing(name, request, c);
                }
            };
        }
        return (r, c) -> serve(application.get(), socket.get(), r, c, name, where);
    }

    private void missing(String name, AgiRequest request, AgiChannel channel) {
        counters.failed();
        if (applications.firstMiss(name)) {
            LOG.warn("No AGI application named '{}' is running (running: {}); calls asking for it get "
                    + "AGISTATUS=FAILURE until it is. Is its feature installed and its bundle active?",
                    name, applications.names());
        } else {
            LOG.debug("No AGI application named '{}' for {}", name, LogText.of(request.getChannel()));
        }
        fail(channel, "CallScore: no AGI application named " + name + " is running");
    }

    private void serve(AgiScript application, AgiSocket socket, AgiRequest request, AgiChannel channel, String name,
            Session where) {
        try {
            socket.commandPhase(settings.idleWarning(), waited -> LOG.info("AGI session {} has waited {} s for "
                    + "Asterisk; it stays open for as long as the call lasts", where, waited.toSeconds()));
        } catch (IOException e) {
            LOG.info("AGI session {}: connection to Asterisk lost before it started: {}", where, e.getMessage());
            return;
        }
        run(application, request, channel, name, where);
    }

    private void run(AgiScript application, AgiRequest request, AgiChannel channel, String name, Session where) {
        counters.started();
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
            // a bug, or a class of a bundle uninstalled mid-call: worth a stack trace
            counters.failed();
            LOG.error("AGI session " + where + " failed", e);
            fail(channel, "CallScore: " + name + " failed");
        } finally {
            counters.ended();
        }
    }

    private static String peer(AgiRequest request) {
        return request.getRemoteAddress().getHostAddress() + ":" + request.getRemotePort();
    }

    /** A session as log lines name it, made into text only when a line is written. */
    private record Session(String application, String channel) {

        @Override
        public String toString() {
            return application + " on " + LogText.of(channel);
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

    private static void closeQuietly(AgiSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.trace("closing a malformed request's socket: {}", e.getMessage());
        }
    }

    /** Tells the Asterisk console why, then ends the AGI with AGISTATUS=FAILURE. */
    private static void fail(AgiChannel channel, String message) {
        try {
            channel.sendCommand(new VerboseCommand(message, 1));
            channel.sendCommand(new FailureCommand());
        } catch (AgiException e) {
            // Asterisk closes the connection on FAILURE, so ending here is the normal outcome
            LOG.trace("FAILURE sent: {}", e.getMessage());
        }
    }

    /** res_agi ends the AGI with AGISTATUS=FAILURE when a line starts with FAILURE. */
    private static final class FailureCommand extends AbstractAgiCommand {

        private static final long serialVersionUID = 1L;

        @Override
        public String buildCommand() {
            return "FAILURE";
        }
    }
}

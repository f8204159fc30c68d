package org.callscore.ami.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A manager port that answers as Asterisk 22's manager.c does, byte for byte in the parts CallScore reads: the
 * greeting line, {@code Response:} blocks carrying the action's ActionID, {@code Event:} blocks, CRLF line
 * ends and a blank line after each message. It can go silent (a half-open connection) or hang up.
 */
final class ScriptedAsterisk implements AutoCloseable {

    static final String USER = "callscore";
    static final String SECRET = "s3cret-Never-Logged";

    private final ServerSocket listener;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Map<String, String>> actions = new LinkedBlockingQueue<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean silent;
    private volatile String originateReason = "4";

    ScriptedAsterisk() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::accept, "scripted-asterisk");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** @return the successful logins so far */
    int logins() {
        return logins.get();
    }

    /** @return the TCP connections accepted so far */
    int accepted() {
        return accepted.get();
    }

    /** @return the next action CallScore sent (Login excluded), waiting up to 10 s */
    Map<String, String> nextAction() throws InterruptedException {
        Map<String, String> action = actions.poll(10, TimeUnit.SECONDS);
        if (action == null) {
            throw new AssertionError("no AMI action arrived");
        }
        return action;
    }

    /** @return the next action of that name, skipping others (Pings) */
    Map<String, String> nextAction(String name) throws InterruptedException {
        while (true) {
            Map<String, String> action = nextAction();
            if (name.equalsIgnoreCase(action.get("Action"))) {
                return action;
            }
        }
    }

    /** Stops answering anything, keeping the connections open: what a half-open connection looks like. */
    void goSilent(boolean silent) {
        this.silent = silent;
    }

    void originateReason(String reason) {
        this.originateReason = reason;
    }

    /** Closes every connection, as Asterisk does when it stops. */
    void hangUpAll() {
        connections.forEach(Connection::close);
    }

    /** Sends an event to every logged-in connection. */
    void event(String name, Map<String, String> headers) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("Event", name);
        event.putAll(headers);
        connections.forEach(connection -> connection.send(event));
    }

    @Override
    public void close() throws IOException {
        listener.close();
        hangUpAll();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = listener.accept();
                accepted.incrementAndGet();
                Connection connection = new Connection(socket);
                Thread thread = new Thread(connection::serve, "scripted-asterisk-connection");
                thread.setDaemon(true);
                thread.start();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private final class Connection {
        private final Socket socket;
        private OutputStream out;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void serve() {
            try (socket) {
                out = socket.getOutputStream();
                write("Asterisk Call Manager/11.0.0\r\n");
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                Map<String, String> action = new LinkedHashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        String name = line.substring(0, colon);
                        String value = line.substring(colon + 1).trim();
                        // Variable may repeat: keep them all, one per line
                        action.merge(name, value, (first, next) -> first + "\n" + next);
                        continue;
                    }
                    if (action.isEmpty()) {
                        continue;
                    }
                    if (!answer(action)) {
                        return;
                    }
                    action = new LinkedHashMap<>();
                }
            } catch (IOException gone) {
                // CallScore or the test closed it
            } finally {
                connections.remove(this);
            }
        }

        /** @return false when Asterisk closes the connection after it */
        private boolean answer(Map<String, String> action) {
            String id = action.getOrDefault("ActionID", "");
            String name = action.getOrDefault("Action", "");
            if ("Login".equalsIgnoreCase(name)) {
                if (USER.equals(action.get("Username")) && SECRET.equals(action.get("Secret"))) {
                    send(ordered("Response", "Success", "ActionID", id, "Message", "Authentication accepted"));
                    logins.incrementAndGet();
                    connections.add(this);
                    send(ordered("Event", "FullyBooted", "Privilege", "system,all", "Uptime", "12", "LastReload", "12",
                            "Status", "Fully Booted"));
                    return true;
                }
                send(ordered("Response", "Error", "ActionID", id, "Message", "Authentication failed"));
                return false;
            }
            actions.add(action);
            if (silent) {
                return true;
            }
            switch (name) {
                case "Ping" -> send(ordered("Response", "Success", "ActionID", id, "Ping", "Pong",
                        "Timestamp", "1764650000.123456"));
                case "Originate" -> originate(action, id);
                case "QueueStatus" -> queueStatus(action, id);
                case "Logoff" -> {
                    send(ordered("Response", "Goodbye", "ActionID", id, "Message", "Thanks for all the fish."));
                    return false;
                }
                default -> send(ordered("Response", "Error", "ActionID", id, "Message", "Invalid/unknown command"));
            }
            return true;
        }

        private void originate(Map<String, String> action, String id) {
            if ("refuse".equals(action.get("Channel"))) {
                send(ordered("Response", "Error", "ActionID", id, "Message", "Permission denied"));
                return;
            }
            send(ordered("Response", "Success", "ActionID", id, "Message", "Originate successfully queued"));
            String uniqueId = action.get("ChannelId");
            boolean answered = "4".equals(originateReason);
            send(ordered("Event", "Newchannel", "Privilege", "call,all", "Channel", action.get("Channel") + "-00000001;1",
                    "ChannelState", "0", "ChannelStateDesc", "Down", "Uniqueid", uniqueId, "Linkedid", uniqueId));
            send(ordered("Event", "OriginateResponse", "Privilege", "call,all", "ActionID", id,
                    "Response", answered ? "Success" : "Failure", "Channel", action.get("Channel") + "-00000001;1",
                    "Context", action.get("Context"), "Exten", action.get("Exten"), "Application", "", "Data", "",
                    "Reason", originateReason, "Uniqueid", answered ? uniqueId : "<null>", "CallerIDNum", "<unknown>",
                    "CallerIDName", "<unknown>"));
        }

        private void queueStatus(Map<String, String> action, String id) {
            String queue = action.get("Queue");
            send(ordered("Response", "Success", "ActionID", id, "EventList", "start",
                    "Message", "Queue status will follow"));
            send(ordered("Event", "QueueParams", "Queue", queue, "Max", "0", "Strategy", "ringall", "Calls", "2",
                    "Holdtime", "0", "TalkTime", "0", "Completed", "0", "Abandoned", "0", "ServiceLevel", "0",
                    "ServicelevelPerf", "0.0", "ServicelevelPerf2", "0.0", "Weight", "0", "ActionID", id));
            member(queue, id, "Agent One", "PJSIP/agent1", "1", "0", "0");
            member(queue, id, "Agent Two", "PJSIP/agent2", "2", "1", "0");
            member(queue, id, "Agent Three", "PJSIP/agent3", "1", "0", "1");
            send(ordered("Event", "QueueEntry", "Queue", queue, "Position", "2", "Channel", "PJSIP/caller-00000002",
                    "Uniqueid", "1764650000.2", "CallerIDNum", "0123", "CallerIDName", "<unknown>",
                    "ConnectedLineNum", "<unknown>", "ConnectedLineName", "<unknown>", "Wait", "30",
                    "Priority", "0", "ActionID", id));
            send(ordered("Event", "QueueEntry", "Queue", queue, "Position", "1", "Channel", "PJSIP/caller-00000001",
                    "Uniqueid", "1764650000.1", "CallerIDNum", "0456", "CallerIDName", "<unknown>",
                    "ConnectedLineNum", "<unknown>", "ConnectedLineName", "<unknown>", "Wait", "90",
                    "Priority", "0", "ActionID", id));
            send(ordered("Event", "QueueStatusComplete", "ActionID", id, "EventList", "Complete", "ListItems", "6"));
        }

        private void member(String queue, String id, String name, String location, String status, String inCall,
                String paused) {
            send(ordered("Event", "QueueMember", "Queue", queue, "Name", name, "Location", location,
                    "StateInterface", location, "Membership", "dynamic", "Penalty", "0", "CallsTaken", "0",
                    "LastCall", "0", "LastPause", "0", "LoginTime", "1764640000", "InCall", inCall, "Status", status,
                    "Paused", paused, "PausedReason", "", "Wrapuptime", "0", "ActionID", id));
        }

        synchronized void send(Map<String, String> message) {
            StringBuilder text = new StringBuilder();
            message.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
            text.append("\r\n");
            try {
                write(text.toString());
            } catch (IOException gone) {
                close();
            }
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException alreadyClosed) {
                // nothing to do
            }
        }
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

}

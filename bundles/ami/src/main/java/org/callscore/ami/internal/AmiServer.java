package org.callscore.ami.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.callscore.ami.AmiEvent;
import org.callscore.ami.AmiEventListener;
import org.callscore.ami.AsteriskManager;
import org.callscore.ami.ManagerStatus;
import org.callscore.ami.ManagerUnavailableException;
import org.callscore.ami.OriginateReason;
import org.callscore.ami.OriginateRequest;
import org.callscore.ami.OriginateResult;
import org.callscore.ami.QueueCaller;
import org.callscore.ami.QueueMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Asterisk server's Manager connection, kept up by {@link #supervise()}, which its owner calls every
 * {@link Settings#tick()}: it connects (after a back-off that doubles with each failure), pings, and drops a
 * connection whose Ping goes unanswered within the read time-out (a half-open TCP connection, e.g. after a
 * firewall forgot it, never reports an error by itself). Events go to the listeners, in order, on one thread of
 * their own, so that a slow listener cannot hold up the reading and the pings.
 */
final class AmiServer implements AsteriskManager, ManagerSession.Handler {

    /** How one server is reached. */
    record Settings(String server, String host, int port, String username, Path secretFile, Duration pingInterval,
            Duration readTimeout, Duration reconnectMin, Duration reconnectMax) {

        /** @return how often {@link AmiServer#supervise()} should run: often enough to notice a silent Ping in time */
        Duration tick() {
            long millis = Math.min(pingInterval.toMillis(), readTimeout.toMillis()) / 4;
            return Duration.ofMillis(Math.max(50, Math.min(1000, millis)));
        }

        String address() {
            return host + ":" + port;
        }
    }

    /** A listener with the events it asked for (empty: all). */
    record Listener(AmiEventListener listener, Set<String> events) {
        boolean wants(String event) {
            return events.isEmpty() || events.contains(event);
        }
    }

    private record PendingOriginate(String channelId, CompletableFuture<OriginateResult> result, Instant deadline) {
    }

    private record PendingList(List<Map<String, String>> events, CompletableFuture<List<Map<String, String>>> result,
            Instant deadline) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AmiServer.class);
    /** Events waiting for the listeners; more are dropped (and counted), as Asterisk itself does when behind. */
    private static final int WAITING_EVENTS = 10_000;
    /** How long after its own Timeout an Originate may wait for its OriginateResponse before it is given up. */
    private static final Duration ORIGINATE_GRACE = Duration.ofSeconds(30);
    private static final String NULL = "<null>";

    private final Settings settings;
    private final Supplier<List<Listener>> listeners;
    private final ThreadPoolExecutor dispatcher;
    private final Map<String, PendingOriginate> originates = new ConcurrentHashMap<>();
    private final Map<String, PendingList> lists = new ConcurrentHashMap<>();
    private final AtomicLong droppedEvents = new AtomicLong();

    private volatile ManagerSession session;
    private volatile boolean stopping;
    private volatile Instant since = Instant.now();
    private volatile long reconnects;
    private volatile String lastError;
    private volatile String version;
    private boolean everConnected;
    private Instant nextAttempt = Instant.MIN;
    private Duration backoff;
    private CompletableFuture<Map<String, String>> ping;
    private Instant pingSent;
    private Instant lastPing = Instant.MIN;

    AmiServer(Settings settings, Supplier<List<Listener>> listeners) {
        this.settings = settings;
        this.listeners = listeners;
        this.backoff = settings.reconnectMin();
        this.dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WAITING_EVENTS),
                runnable -> {
                    Thread thread = new Thread(runnable, "callscore-ami-" + settings.server() + "-events");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * One step of keeping the connection up; called on one thread only.
     *
     * @throws ManagerUnavailableException while not connected, saying why (so the task shows as failing in
     *                                     {@code callscore:status} and each distinct cause is logged once)
     */
    synchronized void supervise() {
        Instant now = Instant.now();
        giveUpOverdue(now);
        ManagerSession current = session;
        if (current != null && !current.isClosed()) {
            keepAlive(current, now);
            return;
        }
        if (now.isBefore(nextAttempt)) {
            throw notConnected();
        }
        try {
            connect(now);
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            nextAttempt = Instant.now().plus(backoff);
            backoff = min(backoff.multipliedBy(2), settings.reconnectMax());
            throw notConnected();
        }
    }

    private ManagerUnavailableException notConnected() {
        return new ManagerUnavailableException("not connected to Asterisk server " + settings.server() + " at "
                + settings.address() + ": " + lastError);
    }

    private void connect(Instant now) throws IOException {
        String secret = SecretFile.read(settings.secretFile());
        ManagerSession opened = ManagerSession.open(settings.server(),
                new InetSocketAddress(settings.host(), settings.port()), settings.readTimeout(), settings.username(),
                secret, this);
        version = opened.version();
        since = Instant.now();
        if (everConnected) {
            reconnects++;
        }
        everConnected = true;
        backoff = settings.reconnectMin();
        ping = null;
        lastPing = now;
        session = opened;
        if (opened.isClosed()) { // it died between the login and here: onClosed saw another session
            session = null;
            throw new IOException("Asterisk closed the connection right after the login");
        }
        LOG.info("Connected to Asterisk server {} at {} (AMI {})", settings.server(), settings.address(), version);
    }

    private void keepAlive(ManagerSession current, Instant now) {
        if (ping != null) {
            if (ping.isDone()) {
                ping = null;
            } else if (Duration.between(pingSent, now).compareTo(settings.readTimeout()) > 0) {
                current.close("no answer to Ping within " + settings.readTimeout().toMillis()
                        + " ms (a half-open connection): dropped, reconnecting");
                return;
            }
        }
        if (ping == null && Duration.between(lastPing, now).compareTo(settings.pingInterval()) >= 0) {
            String id = current.nextActionId();
            pingSent = now;
            lastPing = now;
            ping = current.send(id, AmiMessage.action("Ping", List.of(Map.entry("ActionID", id))));
        }
    }

    @Override
    public void onClosed(ManagerSession closed, String reason) {
        synchronized (this) {
            if (closed != session) {
                return;
            }
            session = null;
            since = Instant.now();
            lastError = reason;
            nextAttempt = Instant.MIN; // the first try again is at once; the back-off starts if that fails
        }
        if (stopping) {
            LOG.info("Closed the connection to Asterisk server {} at {}", settings.server(), settings.address());
        } else {
            LOG.warn("Lost the connection to Asterisk server {} at {}: {}", settings.server(), settings.address(), reason);
        }
        ManagerUnavailableException lost = new ManagerUnavailableException("the connection to Asterisk server "
                + settings.server() + " was lost before Asterisk answered: " + reason);
        originates.keySet().forEach(id -> failOriginate(id, lost));
        lists.keySet().forEach(id -> failList(id, lost));
    }

    @Override
    public void onEvent(ManagerSession from, Map<String, String> headers) {
        String name = headers.get("Event");
        String actionId = headers.get("ActionID");
        if (actionId != null) {
            PendingList list = lists.get(actionId);
            if (list != null) { // the answer to our own QueueStatus, not news for the listeners
                list.events().add(headers);
                if (name.endsWith("Complete")) {
                    lists.remove(actionId);
                    list.result().complete(list.events());
                }
                return;
            }
            if ("OriginateResponse".equals(name)) {
                PendingOriginate originate = originates.remove(actionId);
                if (originate != null) {
                    OriginateResult result = originateResult(originate.channelId(), headers);
                    dispatch(() -> originate.result().complete(result), true);
                }
            }
        }
        AmiEvent event = new AmiEvent(settings.server(), name, headers, Instant.now());
        dispatch(() -> deliver(event), false);
    }

    private void deliver(AmiEvent event) {
        for (Listener listener : listeners.get()) {
            if (listener.wants(event.name())) {
                try {
                    listener.listener().onEvent(event);
                } catch (RuntimeException | LinkageError e) { // NOPMD: one listener's fault must not stop the others
                    LOG.warn("AMI event listener {} failed on a {} event from {}: {}",
                            listener.listener().getClass().getName(), event.name(), settings.server(), e.toString());
                    LOG.debug("The failure of that AMI event listener", e);
                }
            }
        }
    }

    private void dispatch(Runnable work, boolean mustRun) {
        try {
            dispatcher.execute(work);
        } catch (RejectedExecutionException full) {
            if (mustRun) {
                work.run();
            } else if (droppedEvents.getAndIncrement() % WAITING_EVENTS == 0) {
                LOG.warn("AMI events from {} dropped: the listeners are {} events behind ({} dropped so far)",
                        settings.server(), WAITING_EVENTS, droppedEvents.get());
            }
        }
    }

    private static OriginateResult originateResult(String channelId, Map<String, String> headers) {
        Optional<String> uniqueId = present(headers.get("Uniqueid"));
        int reason;
        try {
            reason = Integer.parseInt(headers.getOrDefault("Reason", "0").trim());
        } catch (NumberFormatException e) {
            reason = -1;
        }
        return new OriginateResult(channelId, "Success".equalsIgnoreCase(headers.get("Response")),
                OriginateReason.of(reason), uniqueId,
                uniqueId.isPresent() ? present(headers.get("Channel")) : Optional.empty());
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() || NULL.equals(value) ? Optional.empty() : Optional.of(value);
    }

    Settings settings() {
        return settings;
    }

    @Override
    public String server() {
        return settings.server();
    }

    @Override
    public ManagerStatus status() {
        ManagerSession current = session;
        return new ManagerStatus(settings.server(), settings.address(), current != null && !current.isClosed(), since,
                reconnects, Optional.ofNullable(lastError), Optional.ofNullable(version));
    }

    @Override
    public CompletionStage<OriginateResult> originate(OriginateRequest request) {
        ManagerSession current = session;
        if (current == null || current.isClosed()) {
            return CompletableFuture.failedFuture(notConnected());
        }
        String id = current.nextActionId();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("ActionID", id));
        headers.add(Map.entry("Channel", request.channel()));
        headers.add(Map.entry("Context", request.context()));
        headers.add(Map.entry("Exten", request.exten()));
        headers.add(Map.entry("Priority", Integer.toString(request.priority())));
        headers.add(Map.entry("Timeout", Long.toString(request.timeout().toMillis())));
        request.callerId().ifPresent(callerId -> headers.add(Map.entry("CallerID", callerId)));
        request.account().ifPresent(account -> headers.add(Map.entry("Account", account)));
        headers.add(Map.entry("ChannelId", request.channelId()));
        request.otherChannelId().ifPresent(other -> headers.add(Map.entry("OtherChannelId", other)));
        request.variables().forEach((name, value) -> headers.add(Map.entry("Variable", name + "=" + value)));
        headers.add(Map.entry("Async", "true"));
        byte[] action;
        try {
            action = AmiMessage.action("Originate", headers);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<OriginateResult> result = new CompletableFuture<>();
        originates.put(id, new PendingOriginate(request.channelId(), result,
                Instant.now().plus(request.timeout()).plus(settings.readTimeout()).plus(ORIGINATE_GRACE)));
        sendAwaitingEvents(current, id, "Originate", action, failure -> failOriginate(id, failure));
        return result;
    }

    /**
     * Sends an action whose outcome comes later as events; {@code fail} ends it when it could not be sent or
     * Asterisk refused it (its response is not Success).
     */
    private void sendAwaitingEvents(ManagerSession current, String id, String name, byte[] action,
            Consumer<ManagerUnavailableException> fail) {
        current.send(id, action).whenComplete((response, failure) -> {
            if (failure != null) {
                fail.accept(failure instanceof ManagerUnavailableException unavailable ? unavailable
                        : new ManagerUnavailableException("the " + name + " could not be sent", failure));
            } else if (!"Success".equalsIgnoreCase(response.get("Response"))) {
                fail.accept(new ManagerUnavailableException("Asterisk server " + settings.server() + " refused the "
                        + name + ": " + response.getOrDefault("Message", "(no message)")));
            }
        });
    }

    private void failOriginate(String id, ManagerUnavailableException failure) {
        PendingOriginate originate = originates.remove(id);
        if (originate != null) {
            dispatch(() -> originate.result().completeExceptionally(failure), true);
        }
    }

    private void failList(String id, ManagerUnavailableException failure) {
        PendingList list = lists.remove(id);
        if (list != null) {
            list.result().completeExceptionally(failure);
        }
    }

    private void giveUpOverdue(Instant now) {
        originates.forEach((id, originate) -> {
            if (now.isAfter(originate.deadline())) {
                failOriginate(id, new ManagerUnavailableException("Asterisk server " + settings.server()
                        + " sent no OriginateResponse for channel id " + originate.channelId() + " in time"));
            }
        });
        lists.forEach((id, list) -> {
            if (now.isAfter(list.deadline())) {
                failList(id, new ManagerUnavailableException("Asterisk server " + settings.server()
                        + " did not finish its QueueStatus in time"));
            }
        });
    }

    @Override
    public CompletionStage<List<QueueMember>> queueMembers(String queue) {
        return queueStatus(queue).thenApply(events -> events.stream()
                .filter(event -> "QueueMember".equals(event.get("Event")))
                .map(event -> {
                    boolean paused = "1".equals(event.get("Paused"));
                    boolean inCall = "1".equals(event.get("InCall"));
                    String status = event.getOrDefault("Status", "0");
                    // AST_DEVICE_UNKNOWN (0) and AST_DEVICE_NOT_INUSE (1): the states app_queue rings
                    boolean free = "0".equals(status) || "1".equals(status);
                    return new QueueMember(event.getOrDefault("Queue", queue), event.getOrDefault("Location", ""),
                            event.getOrDefault("Name", ""), free && !paused && !inCall, paused, inCall);
                })
                .toList());
    }

    @Override
    public CompletionStage<List<QueueCaller>> queueCallers(String queue) {
        return queueStatus(queue).thenApply(events -> {
            Instant now = Instant.now();
            return events.stream()
                    .filter(event -> "QueueEntry".equals(event.get("Event")))
                    .map(event -> new QueueCaller(event.getOrDefault("Queue", queue),
                            number(event.get("Position")), event.getOrDefault("Channel", ""),
                            present(event.get("Uniqueid")), now.minusSeconds(number(event.get("Wait")))))
                    .sorted(Comparator.comparingInt(QueueCaller::position))
                    .toList();
        });
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private CompletableFuture<List<Map<String, String>>> queueStatus(String queue) {
        ManagerSession current = session;
        if (current == null || current.isClosed()) {
            return CompletableFuture.failedFuture(notConnected());
        }
        String id = current.nextActionId();
        byte[] action;
        try {
            action = AmiMessage.action("QueueStatus", List.of(Map.entry("ActionID", id), Map.entry("Queue", queue)));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<List<Map<String, String>>> result = new CompletableFuture<>();
        lists.put(id, new PendingList(Collections.synchronizedList(new ArrayList<>()), result,
                Instant.now().plus(settings.readTimeout())));
        sendAwaitingEvents(current, id, "QueueStatus", action, failure -> failList(id, failure));
        return result;
    }

    /** Logs off and stops; pending requests fail with {@link ManagerUnavailableException}. */
    void close() {
        stopping = true;
        ManagerSession current;
        synchronized (this) {
            current = session;
        }
        if (current != null) {
            current.close();
        }
        ManagerUnavailableException stopped = new ManagerUnavailableException(
                "the AMI connection to " + settings.server() + " was stopped");
        originates.keySet().forEach(id -> failOriginate(id, stopped));
        lists.keySet().forEach(id -> failList(id, stopped));
        dispatcher.shutdown();
        try {
            if (!dispatcher.awaitTermination(5, TimeUnit.SECONDS)) {
                dispatcher.shutdownNow();
            }
        } catch (InterruptedException e) {
            dispatcher.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

package org.callscore.testing.components;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.callscore.ami.AsteriskManager;
import org.callscore.ami.ManagerStatus;
import org.callscore.ami.ManagerUnavailableException;
import org.callscore.ami.OriginateReason;
import org.callscore.ami.OriginateRequest;
import org.callscore.ami.OriginateResult;
import org.callscore.ami.QueueCaller;
import org.callscore.ami.QueueMember;

/**
 * An in-process {@link AsteriskManager} that records every Originate and answers as a test scripts it: members of
 * each queue, connected or not, and each OriginateResponse when the test gives it. Like Asterisk, it refuses a
 * channel id it was given before.
 */
public final class ScriptedManager implements AsteriskManager {

    private final String server;
    public volatile boolean connected = true;
    public final List<OriginateRequest> originates = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<OriginateResult>> pending = new ConcurrentHashMap<>();
    private final Map<String, List<QueueMember>> members = new ConcurrentHashMap<>();
    private final Map<String, List<QueueCaller>> callers = new ConcurrentHashMap<>();

    public ScriptedManager(String server) {
        this.server = server;
    }

    public void members(String queue, QueueMember... list) {
        members.put(queue, List.of(list));
    }

    public void callers(String queue, QueueCaller... list) {
        callers.put(queue, List.of(list));
    }

    public static QueueMember free(String queue, String location, String name) {
        return new QueueMember(queue, location, name, true, false, false);
    }

    /** Sends the OriginateResponse of that attempt. */
    public void respond(String channelId, boolean answered, OriginateReason reason) {
        pending.get(channelId).complete(new OriginateResult(channelId, answered, reason, Optional.of(channelId),
                Optional.of("PJSIP/agent-0001")));
    }

    /** The connection drops before that attempt's OriginateResponse. */
    public void lose(String channelId) {
        pending.get(channelId).completeExceptionally(new ManagerUnavailableException("connection lost"));
    }

    @Override
    public String server() {
        return server;
    }

    @Override
    public ManagerStatus status() {
        return new ManagerStatus(server, "127.0.0.1:5038", connected, Instant.EPOCH, 0, Optional.empty(), Optional.empty());
    }

    @Override
    public CompletionStage<OriginateResult> originate(OriginateRequest request) {
        if (!connected) {
            return CompletableFuture.failedFuture(new ManagerUnavailableException("not connected"));
        }
        CompletableFuture<OriginateResult> response = new CompletableFuture<>();
        if (pending.putIfAbsent(request.channelId(), response) != null) {
            return CompletableFuture.completedFuture(new OriginateResult(request.channelId(), false,
                    OriginateReason.FAILED, Optional.empty(), Optional.empty())); // Channel Unique ID already in use
        }
        originates.add(request);
        return response;
    }

    @Override
    public CompletionStage<List<QueueMember>> queueMembers(String queue) {
        if (!connected) {
            return CompletableFuture.failedFuture(new ManagerUnavailableException("not connected"));
        }
        return CompletableFuture.completedFuture(members.getOrDefault(queue, List.of()));
    }

    @Override
    public CompletionStage<List<QueueCaller>> queueCallers(String queue) {
        if (!connected) {
            return CompletableFuture.failedFuture(new ManagerUnavailableException("not connected"));
        }
        return CompletableFuture.completedFuture(callers.getOrDefault(queue, List.of()));
    }
}

package org.callscore.ami.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.callscore.ami.AmiEvent;
import org.callscore.ami.ManagerUnavailableException;
import org.callscore.ami.OriginateReason;
import org.callscore.ami.OriginateRequest;
import org.callscore.ami.OriginateResult;
import org.callscore.ami.QueueCaller;
import org.callscore.ami.QueueMember;
import org.callscore.support.task.PeriodicTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Manager connection against a scripted Asterisk manager port, driven by its real supervisor task. */
class AmiServerTest {

    @TempDir
    Path folder;

    private ScriptedAsterisk asterisk;
    private final List<AmiServer.Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<AmiEvent> received = new CopyOnWriteArrayList<>();
    private AmiServer server;
    private PeriodicTask supervisor;

    @BeforeEach
    void peer() throws IOException {
        asterisk = new ScriptedAsterisk();
    }

    @AfterEach
    void stop() throws IOException {
        if (supervisor != null) {
            supervisor.close();
        }
        if (server != null) {
            server.close();
        }
        asterisk.close();
    }

    private Path secret(String text, String mode) throws IOException {
        Path file = folder.resolve("callscore-ami-pbx.secret");
        Files.writeString(file, text + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private AmiServer start(Path secretFile, int port) {
        server = new AmiServer(new AmiServer.Settings("pbx", "127.0.0.1", port, ScriptedAsterisk.USER, secretFile,
                Duration.ofMillis(200), Duration.ofMillis(600), Duration.ofMillis(100), Duration.ofMillis(400)),
                () -> listeners);
        supervisor = PeriodicTask.start("ami-pbx", Duration.ZERO, server.settings().tick(), server::supervise, null);
        return server;
    }

    private AmiServer connected() throws IOException {
        start(secret(ScriptedAsterisk.SECRET, "rw-------"), asterisk.port());
        await("logged in", () -> server.status().connected());
        return server;
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not " + what + " within 15 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static OriginateRequest call(String channel, String channelId) {
        return new OriginateRequest(channel, "callscore-callback", "s", 1, Duration.ofSeconds(30),
                Optional.of("\"CallScore\" <0800123>"), Map.of("CALLBACK_ID", "42"), channelId,
                Optional.of(channelId + ";2"), Optional.of("callback"));
    }

    @Test
    void logsInAndReportsTheAmiVersion() throws Exception {
        connected();

        assertThat(server.status().version()).contains("11.0.0");
        assertThat(server.status().address()).isEqualTo("127.0.0.1:" + asterisk.port());
        assertThat(server.status().reconnects()).isZero();
        assertThat(asterisk.logins()).isEqualTo(1);
    }

    @Test
    void aRefusedLoginIsShownWithoutTheSecretAndTriedAgainLater() throws Exception {
        start(secret("wrong-secret", "rw-------"), asterisk.port());

        await("refused twice", () -> asterisk.accepted() >= 2);
        assertThat(server.status().connected()).isFalse();
        assertThat(server.status().lastError()).hasValueSatisfying(error -> assertThat(error)
                .contains("Authentication failed").doesNotContain("wrong-secret"));
        assertThat(asterisk.logins()).isZero();
        assertThatThrownBy(server::supervise).isInstanceOf(ManagerUnavailableException.class)
                .hasMessageContaining("Authentication failed").hasMessageNotContaining("wrong-secret");
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedBeforeAnyConnection() throws Exception {
        start(secret(ScriptedAsterisk.SECRET, "rw-r--r--"), asterisk.port());

        await("an error shown", () -> server.status().lastError().isPresent());
        assertThat(server.status().lastError().get()).contains("0600").doesNotContain(ScriptedAsterisk.SECRET);
        assertThat(asterisk.accepted()).isZero();
    }

    @Test
    void aMissingSecretFileIsAClearError() {
        start(folder.resolve("nowhere.secret"), asterisk.port());

        await("an error shown", () -> server.status().lastError().isPresent());
        assertThat(server.status().lastError().get()).contains("nowhere.secret").contains("missing");
        assertThat(asterisk.accepted()).isZero();
    }

    @Test
    void anOriginateCompletesWithTheOriginateResponseOfItsActionId() throws Exception {
        connected();

        CompletableFuture<OriginateResult> result = server.originate(call("Local/100@callscore-test", "cb-42-1"))
                .toCompletableFuture();

        Map<String, String> sent = asterisk.nextAction("Originate");
        assertThat(sent).containsEntry("Channel", "Local/100@callscore-test").containsEntry("Context", "callscore-callback")
                .containsEntry("Exten", "s").containsEntry("Priority", "1").containsEntry("Timeout", "30000")
                .containsEntry("CallerID", "\"CallScore\" <0800123>").containsEntry("Account", "callback")
                .containsEntry("ChannelId", "cb-42-1").containsEntry("OtherChannelId", "cb-42-1;2")
                .containsEntry("Variable", "CALLBACK_ID=42").containsEntry("Async", "true");
        OriginateResult answered = result.get(10, TimeUnit.SECONDS);
        assertThat(answered.answered()).isTrue();
        assertThat(answered.reason()).isEqualTo(OriginateReason.ANSWERED);
        assertThat(answered.channelId()).isEqualTo("cb-42-1");
        assertThat(answered.uniqueId()).contains("cb-42-1");
        assertThat(answered.channel()).contains("Local/100@callscore-test-00000001;1");
    }

    @Test
    void aBusyOriginateCompletesAsNotAnsweredWithoutAChannel() throws Exception {
        connected();
        asterisk.originateReason("5");

        OriginateResult busy = server.originate(call("PJSIP/0123", "cb-43-1")).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(busy.answered()).isFalse();
        assertThat(busy.reason()).isEqualTo(OriginateReason.BUSY);
        assertThat(busy.uniqueId()).isEmpty();
        assertThat(busy.channel()).isEmpty();
    }

    @Test
    void anOriginateAsteriskRefusesFailsWithItsMessage() throws Exception {
        connected();

        CompletableFuture<OriginateResult> refused = server.originate(call("refuse", "cb-44-1")).toCompletableFuture();

        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ManagerUnavailableException.class).hasMessageContaining("Permission denied");
    }

    @Test
    void aLineBreakInAVariableCannotAddAnAction() throws Exception {
        connected();
        OriginateRequest forged = new OriginateRequest("PJSIP/0123", "callscore-callback", "s", 1,
                Duration.ofSeconds(30), Optional.empty(), Map.of("NUMBER", "1\r\n\r\nAction: Command\r\nCommand: core stop now"),
                "cb-45-1", Optional.empty(), Optional.empty());

        CompletableFuture<OriginateResult> result = server.originate(forged).toCompletableFuture();

        assertThatThrownBy(result::join).cause().isInstanceOf(IllegalArgumentException.class);
        server.originate(call("PJSIP/0456", "cb-45-2"));
        assertThat(asterisk.nextAction("Originate")).containsEntry("ChannelId", "cb-45-2");
    }

    @Test
    void withoutAConnectionAnOriginateFailsAtOnce() throws Exception {
        try (ServerSocket closedPort = new ServerSocket(0)) {
            int port = closedPort.getLocalPort();
            closedPort.close();
            start(secret(ScriptedAsterisk.SECRET, "rw-------"), port);
        }

        await("an error shown", () -> server.status().lastError().isPresent());
        CompletableFuture<OriginateResult> result = server.originate(call("PJSIP/0123", "cb-46-1")).toCompletableFuture();

        assertThatThrownBy(result::join).cause().isInstanceOf(ManagerUnavailableException.class)
                .hasMessageContaining("not connected");
        assertThat(server.status().connected()).isFalse();
    }

    @Test
    void aSilentConnectionIsFoundByItsPingDroppedAndMadeAgain() throws Exception {
        connected();
        asterisk.goSilent(true);
        CompletableFuture<OriginateResult> pending = server.originate(call("PJSIP/0123", "cb-47-1")).toCompletableFuture();
        asterisk.nextAction("Originate");

        // the half-open connection is dropped; Asterisk answers again on the new one
        assertThatThrownBy(() -> pending.get(15, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ManagerUnavailableException.class).hasMessageContaining("Ping");
        asterisk.goSilent(false);
        await("logged in again", () -> asterisk.logins() == 2 && server.status().connected());
        assertThat(server.status().reconnects()).isEqualTo(1);
        assertThat(server.status().lastError()).hasValueSatisfying(error -> assertThat(error).contains("half-open"));
        // and the pending Originate was not sent again
        Map<String, String> next;
        while (!(next = asterisk.nextAction()).get("Action").equals("Ping")) {
            assertThat(next.get("Action")).isNotEqualTo("Originate");
        }
    }

    @Test
    void whenAsteriskHangsUpItReconnectsAndEventsResume() throws Exception {
        listeners.add(new AmiServer.Listener(received::add, Set.of()));
        connected();
        CompletableFuture<OriginateResult> pending = new CompletableFuture<>();
        asterisk.goSilent(true); // the Originate is queued but never answered
        server.originate(call("PJSIP/0123", "cb-48-1")).whenComplete((r, e) -> {
            if (e != null) {
                pending.completeExceptionally(e);
            } else {
                pending.complete(r);
            }
        });
        asterisk.nextAction("Originate");
        asterisk.goSilent(false);

        asterisk.hangUpAll();

        assertThatThrownBy(() -> pending.get(15, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ManagerUnavailableException.class).hasMessageContaining("lost");
        await("logged in again", () -> asterisk.logins() == 2 && server.status().connected());
        assertThat(server.status().reconnects()).isEqualTo(1);
        asterisk.event("Hangup", Map.of("Channel", "PJSIP/agent1-00000003", "Uniqueid", "1764650000.3", "Cause", "16"));
        await("the Hangup delivered", () -> received.stream().anyMatch(event -> event.name().equals("Hangup")));
        AmiEvent hangup = received.stream().filter(event -> event.name().equals("Hangup")).findFirst().get();
        assertThat(hangup.server()).isEqualTo("pbx");
        assertThat(hangup.field("Uniqueid")).contains("1764650000.3");
        assertThat(hangup.field("Cause")).contains("16");
    }

    @Test
    void eventsReachTheListenersThatWantThemAndAFailingListenerStopsNothing() throws Exception {
        List<AmiEvent> hangups = new CopyOnWriteArrayList<>();
        listeners.add(new AmiServer.Listener(event -> {
            throw new IllegalStateException("a broken listener");
        }, Set.of()));
        listeners.add(new AmiServer.Listener(hangups::add, Set.of("Hangup")));
        listeners.add(new AmiServer.Listener(received::add, Set.of()));
        connected();

        List<String> names = List.of("Newchannel", "DialBegin", "DialEnd", "BridgeEnter", "UserEvent",
                "QueueMemberStatus", "QueueCallerJoin", "QueueCallerLeave", "Hangup", "Cdr");
        for (String name : names) {
            asterisk.event(name, Map.of("Uniqueid", "1764650000.9", "Privilege", "call,all"));
        }

        await("all delivered", () -> received.stream().map(AmiEvent::name).toList().containsAll(names));
        List<String> inOrder = new ArrayList<>(received.stream().map(AmiEvent::name).toList());
        inOrder.retainAll(names);
        assertThat(inOrder).containsExactlyElementsOf(names);
        assertThat(hangups).extracting(AmiEvent::name).containsExactly("Hangup");
        assertThat(received.get(received.size() - 1).fields()).containsEntry("Uniqueid", "1764650000.9");
    }

    @Test
    void queueStatusGivesTheMembersAndTheCallersInTheirOrder() throws Exception {
        listeners.add(new AmiServer.Listener(received::add, Set.of()));
        connected();

        List<QueueMember> members = server.queueMembers("sales").toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<QueueCaller> callers = server.queueCallers("sales").toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(asterisk.nextAction("QueueStatus")).containsEntry("Queue", "sales");
        assertThat(members).containsExactly(
                new QueueMember("sales", "PJSIP/agent1", "Agent One", true, false, false),
                new QueueMember("sales", "PJSIP/agent2", "Agent Two", false, false, true),
                new QueueMember("sales", "PJSIP/agent3", "Agent Three", false, true, false));
        assertThat(callers).extracting(QueueCaller::position, QueueCaller::channel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "PJSIP/caller-00000001"),
                        org.assertj.core.groups.Tuple.tuple(2, "PJSIP/caller-00000002"));
        assertThat(callers.get(0).uniqueId()).contains("1764650000.1");
        assertThat(callers.get(0).waitingSince()).isBefore(callers.get(1).waitingSince());
        // the answers to CallScore's own QueueStatus are not news for the listeners
        assertThat(received).extracting(AmiEvent::name).doesNotContain("QueueMember", "QueueEntry");
    }

    @Test
    void aListenerNamesTheEventsItWantsAsOneStringSeveralOrNone() {
        assertThat(AsteriskManagerComponent.events("Hangup")).containsExactly("Hangup");
        assertThat(AsteriskManagerComponent.events(new String[] {"Hangup", "DialEnd", "Hangup"}))
                .containsExactlyInAnyOrder("Hangup", "DialEnd");
        assertThat(AsteriskManagerComponent.events(List.of("Cdr"))).containsExactly("Cdr");
        assertThat(AsteriskManagerComponent.events(null)).isEmpty();
    }

    @Test
    void theServerIsNamedAfterItsFile() {
        assertThat(AsteriskManagerComponent.serverName("", Map.of("felix.fileinstall.filename",
                "file:/opt/callscore/etc/org.callscore.ami-pbx1.cfg", "service.pid", "org.callscore.ami.1234"))).isEqualTo("pbx1");
        assertThat(AsteriskManagerComponent.serverName("", Map.of("service.pid", "org.callscore.ami~east"))).isEqualTo("east");
        assertThat(AsteriskManagerComponent.serverName(" west ", Map.of("service.pid", "org.callscore.ami~east"))).isEqualTo("west");
    }
}

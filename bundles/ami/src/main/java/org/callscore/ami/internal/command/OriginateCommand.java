package org.callscore.ami.internal.command;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.ami.AmiEvent;
import org.callscore.ami.AmiEventListener;
import org.callscore.ami.AsteriskManager;
import org.callscore.ami.OriginateRequest;
import org.callscore.ami.OriginateResult;
import org.callscore.support.command.ModuleCommand;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * {@code ami:originate}: the AMI wiring check. Places one call through the same service the modules use and
 * waits, as an event listener like theirs, for the call's Hangup: proof that Originate and events both work.
 */
@Command(scope = "ami", name = "originate", description = "Checks the AMI wiring: places a call (e.g. "
        + "Local/EXTEN@CONTEXT) with an asynchronous Originate, prints Asterisk's OriginateResponse, then waits for "
        + "the call's Hangup event")
@Service
public class OriginateCommand extends ModuleCommand {

    @Reference
    BundleContext context;

    @Option(name = "--server", description = "The Asterisk server (NAME of etc/org.callscore.ami-NAME.cfg); "
            + "needed only when there are several")
    String server;

    @Option(name = "--timeout", description = "Seconds the called channel may ring (default 30)")
    int timeoutSeconds = 30;

    @Argument(index = 0, name = "channel", required = true, description = "What to call, e.g. Local/answer@check")
    String channel;

    @Argument(index = 1, name = "context", required = true, description = "Where the answered channel goes")
    String dialplanContext;

    @Argument(index = 2, name = "exten", required = true, description = "Its extension (priority 1)")
    String exten;

    public OriginateCommand() {
        super("No Asterisk server is configured for AMI (etc/org.callscore.ami-NAME.cfg, see docs/ami.md)");
    }

    @Override
    protected Optional<String> text() throws InvalidSyntaxException, InterruptedException {
        String filter = server == null ? null : "(" + AsteriskManager.SERVER + "=" + server + ")";
        List<ServiceReference<AsteriskManager>> found = List.copyOf(context.getServiceReferences(AsteriskManager.class, filter));
        if (found.isEmpty()) {
            return server == null ? Optional.empty() : Optional.of("No Asterisk server named " + server + "\n");
        }
        if (found.size() > 1) {
            return Optional.of("Several Asterisk servers are configured: name one with --server\n");
        }
        AsteriskManager manager = context.getService(found.get(0));
        if (manager == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(check(manager));
        } finally {
            context.ungetService(found.get(0));
        }
    }

    private String check(AsteriskManager manager) throws InterruptedException {
        String channelId = "callscore-check-" + UUID.randomUUID();
        CompletableFuture<AmiEvent> hangup = new CompletableFuture<>();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(AmiEventListener.EVENTS, "Hangup");
        ServiceRegistration<AmiEventListener> listener = context.registerService(AmiEventListener.class, event -> {
            if (event.server().equals(manager.server()) && event.field("Uniqueid").orElse("").equals(channelId)) {
                hangup.complete(event);
            }
        }, properties);
        try {
            Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
            OriginateRequest request = new OriginateRequest(channel, dialplanContext, exten, 1, timeout,
                    Optional.empty(), Map.of(), channelId, Optional.of(channelId + "-2"), Optional.empty());
            StringBuilder out = new StringBuilder();
            OriginateResult result;
            try {
                result = manager.originate(request).toCompletableFuture()
                        .get(timeout.toSeconds() + 40, TimeUnit.SECONDS);
            } catch (ExecutionException | CompletionException e) {
                return "Originate " + channelId + " on " + manager.server() + " failed: " + e.getCause().getMessage() + "\n";
            } catch (TimeoutException e) {
                return "Originate " + channelId + " on " + manager.server() + ": no OriginateResponse in time\n";
            }
            out.append(String.format("OriginateResponse %s on %s: %s (%s), channel %s, uniqueid %s%n", channelId,
                    manager.server(), result.answered() ? "answered" : "not answered", result.reason(),
                    result.channel().orElse("-"), result.uniqueId().orElse("-")));
            if (result.uniqueId().isEmpty()) {
                return out.toString();
            }
            try {
                AmiEvent event = hangup.get(timeout.toSeconds() + 30, TimeUnit.SECONDS);
                out.append(String.format("Hangup %s: cause %s (%s)%n", event.field("Channel").orElse("-"),
                        event.field("Cause").orElse("-"), event.field("Cause-txt").orElse("-")));
            } catch (ExecutionException | TimeoutException e) {
                out.append("No Hangup event for ").append(channelId).append(" in time\n");
            }
            return out.toString();
        } finally {
            listener.unregister();
        }
    }
}

package org.callscore.callback.internal.command;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.Callbacks;
import org.callscore.support.options.CommandOptions;

/** {@code callback:request}: an administrator records a callback a customer asked for. */
@Command(scope = "callback", name = "request", description = "Requests a callback for a queue: as soon as possible, "
        + "or at --at in the customer's zone")
@Service
public class RequestCommand extends CallbackCommand {

    @Argument(index = 0, name = "queue", required = true, description = "The queue whose agents call back")
    String queue;

    @Argument(index = 1, name = "number", required = true, description = "The number to call")
    String number;

    @Option(name = "--at", description = "The time the customer asked for, yyyy-MM-dd HH:mm in the customer's zone "
            + "(default: as soon as possible)")
    String at;

    @Option(name = "--zone", description = "The customer's time zone, e.g. Europe/Paris (default: the site's)")
    String zone;

    @Option(name = "--agent", description = "The agent to assign it to (default: any agent of the queue)")
    String agent;

    @Option(name = "--reason", description = "Why the customer wants to be called back")
    String reason = "";

    @Override
    String run(Callbacks service) {
        ZoneId customer = zone == null ? siteZone() : CommandOptions.zone("--zone", zone);
        Optional<ZonedDateTime> askedFor = Optional.ofNullable(at).map(t -> at("--at", t, customer));
        String id = service.request(new CallbackRequest(queue, number, Optional.of(customer),
                Optional.ofNullable(agent), reason, CallbackSource.CONSOLE, askedFor.map(ZonedDateTime::toInstant),
                Optional.empty(), Optional.empty(), actor()));
        return service.byId(id).map(c -> CallbackText.summary(c, false))
                .orElse("Callback " + id + " requested; MariaDB does not answer now: it is written when it does"
                        + System.lineSeparator());
    }
}

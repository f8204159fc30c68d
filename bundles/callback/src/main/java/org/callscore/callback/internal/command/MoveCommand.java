package org.callscore.callback.internal.command;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.callback.Callback;
import org.callscore.callback.Callbacks;

/** {@code callback:move}: the customer asked for another time. */
@Command(scope = "callback", name = "move", description = "Moves a callback to another time the customer asked for "
        + "(--at, in the customer's zone) or to as soon as possible (--asap); it is due again, whatever its retries")
@Service
public class MoveCommand extends OneCallbackCommand {

    @Option(name = "--at", description = "The new time, yyyy-MM-dd HH:mm in the customer's zone")
    String at;

    @Option(name = "--asap", description = "As soon as possible")
    boolean asap;

    @Override
    String run(Callbacks service) {
        if ((at == null) == !asap) {
            throw new IllegalArgumentException("callback:move needs either --at yyyy-MM-dd HH:mm or --asap");
        }
        Callback now = service.byId(id).orElseThrow(() -> new NoSuchElementException("no callback " + id));
        Optional<Instant> askedFor = asap ? Optional.empty()
                : Optional.of(at("--at", at, now.customerZone()).toInstant());
        return CallbackText.summary(service.move(id, askedFor, actor()), false);
    }
}

package org.callscore.callback.internal.command;

import java.util.NoSuchElementException;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.callback.Callback;
import org.callscore.callback.Callbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code callback:history}: a callback, every change made to it and every attempt. */
@Command(scope = "callback", name = "history", description = "Shows a callback, its history (created, moved, "
        + "reminded, attempts, outcome) and its attempts; the number partly hidden unless --number")
@Service
public class HistoryCommand extends OneCallbackCommand {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryCommand.class);

    @Option(name = "--number", description = "Shows the customer's number in full (logged with your user name)")
    boolean number;

    @Override
    String run(Callbacks service) {
        Callback c = service.byId(id).orElseThrow(() -> new NoSuchElementException("no callback " + id));
        if (number) {
            LOG.info("{} looked at the number of callback {}", actor(), id);
        }
        return CallbackText.history(c, service.history(id), service.attempts(id), number);
    }
}

package org.callscore.callback.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.callback.Callbacks;

/** {@code callback:close}: the customer's case is solved (the closure rate counts these). */
@Command(scope = "callback", name = "close", description = "Marks the customer's case closed (any state but "
        + "cancelled); the N-day closure rate counts these")
@Service
public class CloseCommand extends OneCallbackCommand {

    @Option(name = "--note", description = "How it was solved, for its history")
    String note = "";

    @Override
    String run(Callbacks service) {
        return CallbackText.summary(service.close(id, actor(), note), false);
    }
}

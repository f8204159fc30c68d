package org.callscore.callback.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.callback.Callbacks;

/** {@code callback:cancel}: no attempt is made any more. */
@Command(scope = "callback", name = "cancel", description = "Cancels a callback: no attempt is made any more")
@Service
public class CancelCommand extends OneCallbackCommand {

    @Option(name = "--why", description = "Why, for its history")
    String why = "";

    @Override
    String run(Callbacks service) {
        return CallbackText.summary(service.cancel(id, actor(), why), false);
    }
}

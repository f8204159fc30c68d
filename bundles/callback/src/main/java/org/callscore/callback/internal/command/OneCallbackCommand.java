package org.callscore.callback.internal.command;

import org.apache.karaf.shell.api.action.Argument;

/** A callback:* command about one callback, named by its id. */
abstract class OneCallbackCommand extends CallbackCommand {

    @Argument(index = 0, name = "id", required = true, description = "The callback's id (callback:list)")
    String id;
}

package org.callscore.recording.internal.command;

import java.util.Optional;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.callscore.recording.Listener;
import org.callscore.recording.internal.RecordingIndexComponent;
import org.callscore.support.command.ModuleCommand;

/** A {@code recording:*} command: the index's service, and who is at the console, for the access log. */
abstract class RecordingCommand extends ModuleCommand {

    @Reference(optional = true)
    RecordingIndexComponent index;

    RecordingCommand() {
        super("The recording index is not running (see scr:list and callscore:status)");
    }

    @Override
    protected final Optional<String> text() {
        return index == null ? Optional.empty() : Optional.of(run(index));
    }

    abstract String run(RecordingIndexComponent index);

    static Listener console() {
        return new Listener(System.getProperty("user.name", "console"), "console");
    }

    static String line(org.callscore.recording.Recording r) {
        return String.format("%-8d %-20s %-14s %-16s %-12s %7s %-6s %-8s %s%s%n", r.id(), r.startedAt(),
                r.caller().orElse("-"), r.agent().orElse("-"), r.queue().orElse("-"),
                r.duration().map(d -> d.toSeconds() + " s").orElse("-"),
                r.meanScore().isPresent() ? String.format("%.2f", r.meanScore().getAsDouble()) : "-",
                r.state(), r.kind(), r.held() ? " HELD" : "");
    }
}

package org.callscore.notify.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.DoNotCallEntry;

/** {@code notify:dnc add|remove|list [NUMBER]}: the do-not-call list. */
@Command(scope = "notify", name = "dnc", description = "The do-not-call list: add NUMBER, remove NUMBER, or list")
@Service
public class DoNotCallCommand extends NotifyCommand {

    @Argument(index = 0, name = "action", description = "add, remove or list", required = true)
    String action;

    @Argument(index = 1, name = "number", description = "The number (add, remove)")
    String number;

    @Option(name = "--reason", description = "Why (add)")
    String reason;

    @Override
    String run() {
        switch (action.toLowerCase(Locale.ROOT)) {
            case "add" -> {
                DoNotCallEntry entry = doNotCall.add(required(), reason == null ? "" : reason, actor());
                return "On the do-not-call list since " + entry.added() + " (" + entry.addedBy() + "): "
                        + entry.number() + "\n";
            }
            case "remove" -> {
                return doNotCall.remove(required(), actor()) ? "Removed from the do-not-call list\n"
                        : "Not on the do-not-call list\n";
            }
            case "list" -> {
                StringBuilder text = new StringBuilder();
                for (DoNotCallEntry e : doNotCall.list()) {
                    text.append(String.format("%-20s %-24s %-16s %s%n", e.number(), e.added(), e.addedBy(), e.reason()));
                }
                return text.length() == 0 ? "The do-not-call list is empty\n" : text.toString();
            }
            default -> throw new IllegalArgumentException("action: '" + action + "' is neither add, remove nor list");
        }
    }

    private String required() {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("notify:dnc " + action + " needs a NUMBER");
        }
        return number;
    }
}

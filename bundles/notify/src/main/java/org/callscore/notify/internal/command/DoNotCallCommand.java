package org.callscore.notify.internal.command;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.DoNotCallEntry;
import org.callscore.notify.internal.PhoneNumbers;
import org.callscore.support.table.TextTable;

/**
 * {@code notify:dnc add|remove|list [NUMBER]}: the do-not-call list. Its changes are logged by the list itself (the
 * number masked, the console user named); the list shows the numbers masked unless {@code --numbers}, which is
 * logged; times are the site's.
 */
@Command(scope = "notify", name = "dnc", description = "The do-not-call list: add NUMBER, remove NUMBER, or list "
        + "(numbers partly hidden unless --numbers; times in the site's zone)")
@Service
public class DoNotCallCommand extends NotifyCommand {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final int TIME_WIDTH = 19;

    @Argument(index = 0, name = "action", description = "add, remove or list", required = true)
    String action;

    @Argument(index = 1, name = "number", description = "The number (add, remove)")
    String number;

    @Option(name = "--reason", description = "Why (add)")
    String reason;

    @Option(name = "--numbers", description = "list: shows the numbers in full (logged with your user name)")
    boolean numbers;

    @Override
    String run() {
        ZoneId zone = siteZone();
        switch (action.toLowerCase(Locale.ROOT)) {
            case "add" -> {
                DoNotCallEntry entry = doNotCall.add(required(), reason == null ? "" : reason, actor());
                return "On the do-not-call list since " + time(entry.added(), zone) + " " + zone + " ("
                        + entry.addedBy() + "): " + entry.number() + "\n";
            }
            case "remove" -> {
                return doNotCall.remove(required(), actor()) ? "Removed from the do-not-call list\n"
                        : "Not on the do-not-call list\n";
            }
            case "list" -> {
                return list(doNotCall.list(), zone);
            }
            default -> throw new IllegalArgumentException("action: '" + action + "' is neither add, remove nor list");
        }
    }

    private String list(List<DoNotCallEntry> entries, ZoneId zone) {
        if (entries.isEmpty()) {
            return "The do-not-call list is empty\n";
        }
        if (numbers) {
            logged("looked at the do-not-call list with its numbers in full (%d numbers)", entries.size());
        }
        List<String> shown = entries.stream().map(e -> numbers ? e.number() : PhoneNumbers.masked(e.number())).toList();
        String added = "added (" + zone + ")";
        String row = TextTable.row("%-{w}s  %-" + Math.max(added.length(), TIME_WIDTH) + "s  %-16s  %s%n", "number",
                shown);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, row, "number", added, "by", "reason"));
        for (int i = 0; i < entries.size(); i++) {
            DoNotCallEntry e = entries.get(i);
            text.append(String.format(Locale.ROOT, row, shown.get(i), time(e.added(), zone), e.addedBy(), e.reason()));
        }
        text.append(entries.size()).append(entries.size() == 1 ? " number" : " numbers")
                .append(numbers ? "" : "; numbers partly hidden (--numbers shows them, and is logged)").append('\n');
        return text.toString();
    }

    private static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    private String required() {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("notify:dnc " + action + " needs a NUMBER");
        }
        return number;
    }
}

package org.callscore.ivr.internal.command;

import java.time.Instant;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.callscore.ivr.IvrCatalog;
import org.callscore.ivr.Menu;
import org.callscore.ivr.MenuTree;
import org.callscore.support.command.RefusedFiles;
import org.callscore.support.definition.MissingSounds;

/** What {@code ivr:list} prints. */
final class IvrListing {

    private static final String ROW = "%-20s %-12s %-6s %-6s %-10s %-12s%n";

    private IvrListing() {
    }

    /** @param pending visits in the spool, or -1 when the visits service is not running */
    static String render(IvrCatalog catalog, int pending, Instant now) {
        StringBuilder out = new StringBuilder();
        if (catalog.names().isEmpty()) {
            out.append("No IVR menu file in use.\n");
        } else {
            out.append(String.format(ROW, "Menu file", "Start", "Menus", "Depth", "Agent", "Version"));
            for (String name : catalog.names()) {
                catalog.byName(name).ifPresent(tree -> out.append(String.format(ROW, name, tree.start(),
                        tree.menus().size(), tree.depth(), tree.agentKey() + " " + tree.agentQueue(),
                        tree.version().substring(0, 12))));
            }
            for (String name : catalog.names()) {
                catalog.byName(name).ifPresent(tree -> out.append(menus(tree, now)));
            }
        }
        out.append("\nTime zone ").append(catalog.zone()).append("; calendars: ");
        out.append(catalog.calendars().isEmpty() ? "none" : catalog.calendars().values().stream()
                .map(c -> c.name() + " (" + c.openings() + " openings, " + c.closures() + " closures)")
                .collect(Collectors.joining(", ")));
        out.append('\n');
        out.append(RefusedFiles.listing("a file", catalog.problems()));
        out.append(MissingSounds.listing("the caller's visit ended as 'error'", catalog.missingSounds()));
        out.append('\n').append(pending < 0 ? "IVR visits: not running (visits cannot be recorded)"
                : pending == 0 ? "IVR visit spool: empty (every visit is in MariaDB)"
                        : "IVR visit spool: " + pending + " visits wait for MariaDB").append('\n');
        return out.toString();
    }

    private static String menus(MenuTree tree, Instant now) {
        StringBuilder out = new StringBuilder("\n").append(tree.name()).append(":\n");
        for (Menu menu : new TreeMap<>(tree.menus()).values()) {
            String keys = menu.keys().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            String hours = menu.hours().map(h -> ", " + (h.isOpen(now) ? "OPEN now" : "CLOSED now") + " (" + h
                    + ", closed: " + menu.whenClosed().get() + ")").orElse("");
            String dial = menu.directDialText().isEmpty() ? "" : ", direct dial " + menu.directDialText();
            out.append(String.format("  %-16s %s; on failure %s%s%s%n", menu.id(), keys, menu.onFailure(), hours, dial));
        }
        return out.toString();
    }
}

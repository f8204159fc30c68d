package org.callscore.ami.internal.command;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.callscore.ami.ManagerStatus;
import org.callscore.support.table.TextTable;

/** The text of {@code ami:status}: one line per server, then the last error of each that has one. */
final class ManagerListing {

    private ManagerListing() {
    }

    static String render(List<ManagerStatus> servers) {
        String row = TextTable.row("%-{w}s  %-21s  %-12s  %-20s  %10s  %s%n", "Server",
                servers.stream().map(ManagerStatus::server).toList());
        StringBuilder out = new StringBuilder();
        out.append(String.format(row, "Server", "Address", "State", "Since", "Reconnects", "AMI version"));
        for (ManagerStatus server : servers) {
            out.append(String.format(row, server.server(), server.address(),
                    server.connected() ? "connected" : "DISCONNECTED", since(server.since()), server.reconnects(),
                    server.version().orElse("-")));
        }
        for (ManagerStatus server : servers) {
            server.lastError().ifPresent(error -> out.append(String.format("%s last error: %s%n", server.server(), error)));
        }
        return out.toString();
    }

    private static String since(Instant since) {
        return since.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

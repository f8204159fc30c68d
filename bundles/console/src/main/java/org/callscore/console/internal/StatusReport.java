package org.callscore.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.callscore.agi.server.FastAgiServer.Counter;
import org.callscore.agi.server.FastAgiServer;
import org.callscore.storage.Database;
import org.callscore.storage.DatabaseStatus;
import org.callscore.storage.SchemaStatus;
import org.callscore.storage.TaskStatus;

/** The text of {@code callscore:status}; either service may be missing, and the report then says what to do. */
final class StatusReport {

    private final String version;
    private final FastAgiServer server;
    private final Database database;
    private final List<TaskStatus> tasks;
    private final StringBuilder out = new StringBuilder();

    StatusReport(String version, FastAgiServer server, Database database, List<TaskStatus> tasks) {
        this.version = version;
        this.server = server;
        this.database = database;
        this.tasks = tasks;
    }

    String render() {
        line("CallScore", version);
        server();
        database();
        tasks();
        return out.toString();
    }

    private void server() {
        if (server == null) {
            line("FastAGI server", "NOT RUNNING: install the callscore-core feature and check "
                    + "etc/org.callscore.fastagi.cfg (bundle:diag org.callscore.fastagi)");
            return;
        }
        line("FastAGI server", server.listeningOn()
                .map(address -> "listening on " + address.getAddress().getHostAddress() + ":" + address.getPort())
                .orElseGet(() -> "NOT LISTENING: " + server.problem().orElse("starting")));
        line("  applications", server.applications().isEmpty() ? "(none: install a module feature, e.g. callscore-ping)"
                : String.join(", ", server.applications()));
        Map<Counter, Long> counters = server.counters();
        line("  sessions", "active " + counters.get(Counter.ACTIVE_SESSIONS)
                + ", queued " + counters.get(Counter.QUEUED_SESSIONS)
                + ", completed " + counters.get(Counter.COMPLETED_SESSIONS)
                + ", failed " + counters.get(Counter.FAILED_SESSIONS));
        line("  refused", counters.get(Counter.REJECTED_PEERS) + " connection(s) from peers not allowed, "
                + counters.get(Counter.MALFORMED_REQUESTS) + " malformed request(s)");
    }

    private void database() {
        if (database == null) {
            line("Database", "NOT CONFIGURED: no DataSource named callscore; check "
                    + "etc/org.ops4j.datasource-callscore.cfg (jdbc:ds-list)");
            return;
        }
        DatabaseStatus status = database.status();
        String checked = status.checkedAt().equals(Instant.EPOCH) ? "not checked yet"
                : "checked " + Duration.between(status.checkedAt(), Instant.now()).toSeconds() + " s ago";
        line("Database", (status.reachable() ? "reachable" : "UNREACHABLE: " + status.problem()) + " (" + checked + ")");
        if (status.schemas().isEmpty()) {
            line("  schemas", "(no module with tables has started)");
        }
        for (SchemaStatus schema : status.schemas()) {
            line("  schema " + schema.module(), describe(schema));
        }
    }

    private void tasks() {
        if (tasks.isEmpty()) {
            line("Background tasks", "(none running)");
            return;
        }
        line("Background tasks", tasks.size() + " running");
        Instant now = Instant.now();
        for (TaskStatus task : tasks) {
            String last = task.lastRun().map(at -> "last run " + Duration.between(at, now).toSeconds() + " s ago")
                    .orElse("not run yet");
            String state = task.failing() ? "FAILING" : "ok";
            String error = task.lastError().map(at -> ", last error " + Duration.between(at, now).toSeconds()
                    + " s ago: " + task.lastCause().orElse("")).orElse("");
            line("  " + task.name(), state + ", " + last + ", every " + task.interval().toSeconds() + " s, "
                    + task.runs() + " run(s), " + task.failures() + " failed" + error);
        }
    }

    private static String describe(SchemaStatus schema) {
        String applied = schema.appliedVersion() < 0 ? "unknown (database not reached yet)"
                : "version " + schema.appliedVersion() + " of " + schema.latestVersion();
        if (!schema.problem().isEmpty()) {
            return applied + ", MIGRATION STOPPED: " + schema.problem();
        }
        String state = applied + (schema.upToDate() ? ", up to date" : ", migration pending");
        return schema.bundleActive() ? state : state + " (module stopped)";
    }

    private void line(String label, String value) {
        out.append(String.format("%-18s %s%n", label, value));
    }
}

package org.callscore.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.callscore.agi.server.FastAgiServer;
import org.callscore.storage.Database;
import org.callscore.storage.DatabaseStatus;
import org.callscore.storage.SchemaStatus;
import org.callscore.storage.TaskStatus;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class StatusReportTest {

    @Test
    void saysWhatToDoWhenNothingRuns() {
        String report = new StatusReport("0.1.0", null, null, List.of()).render();

        assertThat(report).contains("FastAGI server     NOT RUNNING: install the callscore-core feature")
                .contains("Database           NOT CONFIGURED")
                .contains("Background tasks   (none running)");
    }

    @Test
    void showsListenerApplicationsCountersAndSchemas() throws Exception {
        Map<FastAgiServer.Counter, Long> counters = new EnumMap<>(FastAgiServer.Counter.class);
        for (FastAgiServer.Counter counter : FastAgiServer.Counter.values()) {
            counters.put(counter, (long) counter.ordinal());
        }
        FastAgiServer server = new FastAgiServer() {
            public Optional<InetSocketAddress> listeningOn() {
                return Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 4573));
            }

            public Optional<String> problem() {
                return Optional.empty();
            }

            public SortedSet<String> applications() {
                return new TreeSet<>(List.of("survey", "ping"));
            }

            public Map<Counter, Long> counters() {
                return counters;
            }
        };
        Database database = new Database() {
            public Jdbi jdbi() {
                throw new UnsupportedOperationException();
            }

            public DatabaseStatus status() {
                return new DatabaseStatus(false, "Connection refused", Instant.now(), List.of(
                        new SchemaStatus("ping", "org.callscore.agi.ping", true, 1, 1, ""),
                        new SchemaStatus("survey", "org.callscore.survey", true, 2, 3, "V3 of module survey failed: x"),
                        new SchemaStatus("ivr", "org.callscore.ivr", false, 4, 4, "")));
            }

            public boolean isReady(String module) {
                return false;
            }

            public void checkNow() {
            }
        };

        String report = new StatusReport("0.1.0", server, database, List.of(
                new TaskStatus("ivr-menu-scan", Duration.ofSeconds(2), 7, 2, Optional.of(Instant.now()),
                        Optional.of(Instant.now()), Optional.of("java.lang.IllegalStateException: disk"), true),
                new TaskStatus("survey-journal-replay", Duration.ofSeconds(2), 3, 0, Optional.of(Instant.now()),
                        Optional.empty(), Optional.empty(), false))).render();

        assertThat(report).contains("listening on 127.0.0.1:4573")
                .contains("applications     ping, survey")
                .contains("active 0, queued 1, completed 2, failed 3")
                .contains("4 connection(s) from peers not allowed, 5 malformed")
                .contains("Database           UNREACHABLE: Connection refused (checked 0 s ago)")
                .contains("schema ping      version 1 of 1, up to date")
                .contains("schema survey    version 2 of 3, MIGRATION STOPPED: V3 of module survey failed: x");
        assertThat(report).contains("schema ivr       version 4 of 4, up to date (module stopped)")
                .contains("Background tasks   2 running")
                .contains("ivr-menu-scan    FAILING, last run 0 s ago, every 2 s, 7 run(s), 2 failed, last error 0 s "
                        + "ago: java.lang.IllegalStateException: disk")
                .contains("survey-journal-replay ok, last run 0 s ago, every 2 s, 3 run(s), 0 failed\n");
    }
}

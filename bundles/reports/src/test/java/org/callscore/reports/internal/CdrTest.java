package org.callscore.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CDR as a site creates it (the shipped dialplan/asterisk-tables.sql) in the real MariaDB: the busy rate
 * counts calls, not CDR rows. (The documented join of a survey response with its CDR: the survey's CdrJoinTest.)
 */
class CdrTest {

    private final Jdbi jdbi = UnitDatabase.jdbi();

    @BeforeEach
    void tables() {
        jdbi.useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS cdr");
            h.execute("DROP TABLE IF EXISTS queue_log");
        });
        UnitDatabase.run(jdbi, Path.of("../../dialplan/asterisk-tables.sql"));
    }

    private void leg(String uniqueId, String linkedId, String start, String disposition) {
        jdbi.useHandle(h -> h.execute("INSERT INTO cdr (src, dst, channel, start, disposition, uniqueid, linkedid) "
                + "VALUES ('0611', '100', 'PJSIP/caller-1', ?, ?, ?, ?)", start, disposition, uniqueId, linkedId));
    }

    @Test
    void theBusyRateCountsCallsNotTheTwoRowsOfASurveyedCall() {
        // two surveyed calls: the queue part and the survey part share uniqueid = linkedid; the agent leg does not
        for (String call : List.of("1774688400.1", "1774688500.3")) {
            leg(call, call, "2026-03-28 10:00:00", "ANSWERED");
            leg(call, call, "2026-03-28 10:05:00", "ANSWERED");
            leg(call + "9", call, "2026-03-28 10:00:02", "ANSWERED");
        }
        leg("1774688600.5", "1774688600.5", "2026-03-28 11:00:00", "BUSY");
        BusyCalls busyCalls = new BusyCalls(jdbi, QueueLogFixture.SETTINGS, problem -> { });

        Map<String, long[]> counts = busyCalls.counts(new ReportQuery(LocalDate.parse("2026-03-28"),
                LocalDate.parse("2026-03-29"), QueueLogFixture.BERLIN, Optional.empty(), Optional.empty(),
                ReportGroup.ALL));

        assertThat(counts).hasSize(1);
        assertThat(counts.values().iterator().next()).as("[calls, busy]").containsExactly(3, 1);
    }
}

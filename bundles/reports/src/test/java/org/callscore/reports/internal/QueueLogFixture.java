package org.callscore.reports.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-made queue_log around the start of summer time in Europe/Berlin (2026-03-29, 02:00 CET became 03:00
 * CEST, at 01:00 UTC), written as Asterisk 22 writes it. Settings: service level 20 s (sales 15 s), short
 * abandons under 10 s, FCR window 168 h, wrap-up 10 s in sales, 0 elsewhere. Times are UTC.
 *
 * <pre>
 * call queue   caller  entered (UTC)     local day  what happened                               wait talk
 * C1   sales   0611    03-28 09:00       03-28      Alice answers, caller hangs up               10   100
 * C2   sales   0622    03-28 09:10       03-28      Bob rings no answer, Alice answers           30   200
 * C3   sales   0633    03-28 09:20       03-28      abandons after 5 s (short, &lt; 10 s)           5
 * C4   sales   0644    03-28 09:30       03-28      Bob rings no answer, abandons after 40 s      40
 * C5   sales   0655    03-28 09:40       03-28      times out after 60 s                          60
 * C6   sales   0666    03-28 09:50       03-28      leaves with key 5 after 12 s                   12
 * C7   sales   0677    03-28 10:00       03-28      Bob answers, blind transfer after 50 s         8    50
 * C8   support 0688    03-28 10:05       03-28      Carol answers, attended transfer (BRIDGE)      25   70
 * C9   support 0611    03-29 00:30       03-29 (01:30 CET)  Carol answers; C1's caller again:     4    60
 *                                                   C1 is a repeat call (15.5 h &lt; 168 h)
 * C10  sales   (none)  03-29 01:30       03-29 (03:30 CEST) Alice answers, attended transfer     15   40
 *                                                   (LINK), caller number withheld
 * C11  sales   0699    03-29 01:45       03-29 (03:45 CEST) leaves: queue empty                    0
 * C12  sales   0700    03-29 02:00                  Bob answers, still talking: not counted
 * </pre>
 * Among them, events that change no figure: PAUSE, UNPAUSE, PAUSEALL, UNPAUSEALL, ADDMEMBER, REMOVEMEMBER,
 * QUEUESTART, CONFIGRELOAD, DID, INFO, SYSCOMPAT, AGENTDUMP, RINGCANCELED, and a CONNECT of a call whose
 * ENTERQUEUE was never seen.
 */
final class QueueLogFixture {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final Settings SETTINGS = new Settings(BERLIN, ZoneId.of("UTC"), 20, Map.of("sales", 15), 10,
            Duration.ofHours(168), 0, Map.of("sales", 10), Set.of(), "solved");

    private final List<QueueLogRow> rows = new ArrayList<>();

    static List<QueueLogRow> rows() {
        QueueLogFixture f = new QueueLogFixture();
        f.add("2026-03-28T08:00:00Z", "NONE", "NONE", "NONE", "QUEUESTART");
        f.add("2026-03-28T08:00:01Z", "NONE", "NONE", "NONE", "CONFIGRELOAD");
        f.add("2026-03-28T08:01:00Z", "MANAGER", "sales", "Alice", "ADDMEMBER", "");
        f.add("2026-03-28T08:01:00Z", "NONE", "sales", "Bob", "PAUSE", "lunch");
        f.add("2026-03-28T08:02:00Z", "NONE", "sales", "Bob", "UNPAUSE", "");
        f.add("2026-03-28T08:03:00Z", "NONE", "NONE", "Bob", "PAUSEALL", "");
        f.add("2026-03-28T08:04:00Z", "NONE", "NONE", "Bob", "UNPAUSEALL", "");
        // C1
        f.add("2026-03-28T09:00:00Z", "c1", "sales", "NONE", "DID", "0800123");
        f.add("2026-03-28T09:00:00Z", "c1", "sales", "NONE", "ENTERQUEUE", "", "0611", "1");
        f.add("2026-03-28T09:00:10Z", "c1", "sales", "Alice", "CONNECT", "10", "a1", "2");
        f.add("2026-03-28T09:01:50Z", "c1", "sales", "Alice", "COMPLETECALLER", "10", "100", "1");
        // C2
        f.add("2026-03-28T09:10:00Z", "c2", "sales", "NONE", "ENTERQUEUE", "", "0622", "1");
        f.add("2026-03-28T09:10:15Z", "c2", "sales", "Bob", "RINGNOANSWER", "15000");
        f.add("2026-03-28T09:10:20Z", "c2", "sales", "Bob", "AGENTDUMP", "");
        f.add("2026-03-28T09:10:30Z", "c2", "sales", "Alice", "CONNECT", "30", "a2", "3");
        f.add("2026-03-28T09:13:50Z", "c2", "sales", "Alice", "COMPLETEAGENT", "30", "200", "1");
        // C3
        f.add("2026-03-28T09:20:00Z", "c3", "sales", "NONE", "ENTERQUEUE", "", "0633", "1");
        f.add("2026-03-28T09:20:04Z", "c3", "sales", "Alice", "RINGCANCELED", "4000");
        f.add("2026-03-28T09:20:05Z", "c3", "sales", "NONE", "ABANDON", "1", "1", "5");
        // C4
        f.add("2026-03-28T09:30:00Z", "c4", "sales", "NONE", "ENTERQUEUE", "", "0644", "1");
        f.add("2026-03-28T09:30:15Z", "c4", "sales", "Bob", "RINGNOANSWER", "15000");
        f.add("2026-03-28T09:30:40Z", "c4", "sales", "NONE", "ABANDON", "1", "1", "40");
        // C5
        f.add("2026-03-28T09:40:00Z", "c5", "sales", "NONE", "ENTERQUEUE", "", "0655", "1");
        f.add("2026-03-28T09:41:00Z", "c5", "sales", "NONE", "EXITWITHTIMEOUT", "1", "1", "60");
        // C6
        f.add("2026-03-28T09:50:00Z", "c6", "sales", "NONE", "ENTERQUEUE", "", "0666", "1");
        f.add("2026-03-28T09:50:12Z", "c6", "sales", "NONE", "EXITWITHKEY", "5", "1", "1", "12");
        // C7
        f.add("2026-03-28T10:00:00Z", "c7", "sales", "NONE", "ENTERQUEUE", "", "0677", "1");
        f.add("2026-03-28T10:00:08Z", "c7", "sales", "Bob", "CONNECT", "8", "a7", "1");
        f.add("2026-03-28T10:00:58Z", "c7", "sales", "Bob", "BLINDTRANSFER", "200", "from-internal", "8", "50", "1");
        // C8
        f.add("2026-03-28T10:05:00Z", "c8", "support", "NONE", "ENTERQUEUE", "", "0688", "1");
        f.add("2026-03-28T10:05:25Z", "c8", "support", "Carol", "CONNECT", "25", "a8", "5");
        f.add("2026-03-28T10:05:30Z", "c8", "support", "Carol", "SYSCOMPAT", "");
        f.add("2026-03-28T10:06:35Z", "c8", "support", "Carol", "ATTENDEDTRANSFER", "BRIDGE", "b-1", "25", "70", "1");
        f.add("2026-03-28T10:07:00Z", "ghost", "sales", "Alice", "CONNECT", "3", "x", "1");
        f.add("2026-03-28T11:00:00Z", "NONE", "sales", "Bob", "REMOVEMEMBER", "");
        // C9, C1's caller again
        f.add("2026-03-29T00:30:00Z", "c9", "support", "NONE", "ENTERQUEUE", "", "0611", "1");
        f.add("2026-03-29T00:30:04Z", "c9", "support", "Carol", "CONNECT", "4", "a9", "1");
        f.add("2026-03-29T00:31:04Z", "c9", "support", "Carol", "COMPLETECALLER", "4", "60", "1");
        // C10, after the change to summer time
        f.add("2026-03-29T01:30:00Z", "c10", "sales", "NONE", "ENTERQUEUE", "", "", "1");
        f.add("2026-03-29T01:30:00Z", "c10", "sales", "NONE", "INFO", "something");
        f.add("2026-03-29T01:30:15Z", "c10", "sales", "Alice", "CONNECT", "15", "a10", "1");
        f.add("2026-03-29T01:30:55Z", "c10", "sales", "Alice", "ATTENDEDTRANSFER", "LINK", "PJSIP/a-1", "PJSIP/b-2",
                "15", "40");
        // C11
        f.add("2026-03-29T01:45:00Z", "c11", "sales", "NONE", "ENTERQUEUE", "", "0699", "1");
        f.add("2026-03-29T01:45:00Z", "c11", "sales", "NONE", "EXITEMPTY", "1", "1", "0");
        // C12, not ended
        f.add("2026-03-29T02:00:00Z", "c12", "sales", "NONE", "ENTERQUEUE", "", "0700", "1");
        f.add("2026-03-29T02:00:03Z", "c12", "sales", "Bob", "CONNECT", "3", "a12", "1");
        return f.rows;
    }

    private void add(String time, String callid, String queue, String agent, String event, String... data) {
        String[] d = new String[5];
        for (int i = 0; i < 5; i++) {
            d[i] = i < data.length ? data[i] : "";
        }
        rows.add(new QueueLogRow(rows.size() + 1, Instant.parse(time), callid, queue, agent, event, d[0], d[1], d[2],
                d[3], d[4]));
    }
}

package org.callscore.reports.internal.command;

import static org.callscore.support.table.TextTable.number;
import static org.callscore.support.table.TextTable.percent;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.callscore.reports.CallRecord;
import org.callscore.reports.ReportRow;
import org.callscore.reports.ServiceSummary;
import org.callscore.scoring.LowScoredResponse;
import org.callscore.scoring.ScoreSummary;
import org.callscore.support.table.TextTable;

/** The text of the report:* commands. */
final class ServiceTable {

    private static final String ROW = "%-{w}s %7s %7s %6s %6s %5s %5s %6s %6s %6s %6s %6s %5s %6s %6s %6s %6s %5s %6s%n";
    private static final String NL = System.lineSeparator();

    private ServiceTable() {
    }

    static String render(String title, List<ReportRow> rows) {
        StringBuilder out = new StringBuilder(title).append(NL);
        if (rows.isEmpty()) {
            return out.append("No calls match.").append(NL).toString();
        }
        List<String> groups = rows.stream().map(ReportRow::group).toList();
        String row = TextTable.row(ROW, "Group", groups);
        out.append(String.format(Locale.ROOT, row, "Group", "Offered", "Answer.", "Aband.", "Short", "T/out", "Key",
                "Answ.%", "Aban.%", "SL-Ast", "SL-Off", "ASA", "RNA", "AvgWt", "MaxWt", "Talk", "Handle", "FCR%",
                "CSAT%"));
        for (ReportRow r : rows) {
            ServiceSummary s = r.summary();
            out.append(String.format(Locale.ROOT, row, r.group(), s.offered(), s.answered(), s.abandoned(),
                    s.shortAbandoned(), s.timedOut(), s.exitedByKey(), percent(s.answerRate()), percent(s.abandonRate()),
                    percent(s.serviceLevelAsterisk()), percent(s.serviceLevelOffered()), number(s.asa(), 1),
                    s.ringNoAnswer(), number(s.averageWait(), 1), number(s.longestWait(), 1), number(s.averageTalk(), 1),
                    number(s.averageHandle(), 1), percent(s.firstCallResolution()),
                    percent(s.survey().map(ScoreSummary::csat).orElse(OptionalDouble.empty()))));
        }
        boolean extras = rows.stream().map(ReportRow::summary).anyMatch(s -> s.cdrCalls() > 0 || s.solvedAnswers() > 0
                || s.survey().isPresent());
        if (extras) {
            String second = TextTable.row("%-{w}s %7s %6s %8s %7s %6s %6s %6s%n", "Group", groups);
            out.append(NL).append(String.format(Locale.ROOT, second, "Group", "Transf.", "Busy%", "Solved%",
                    "Compl.%", "Mean", "Satis%", "NPS"));
            for (ReportRow r : rows) {
                ServiceSummary s = r.summary();
                out.append(String.format(Locale.ROOT, second, r.group(), s.transferred(), percent(s.busyRate()),
                        percent(s.solvedRate()), percent(s.complaintRate()),
                        number(s.survey().map(ScoreSummary::meanScore).orElse(OptionalDouble.empty()), 2),
                        percent(s.survey().map(ScoreSummary::satisfaction).orElse(OptionalDouble.empty())),
                        number(s.survey().map(ScoreSummary::nps).orElse(OptionalDouble.empty()), 1)));
            }
        }
        return out.append(NL).append(LEGEND).toString();
    }

    static String calls(String title, List<CallRecord> calls) {
        StringBuilder out = new StringBuilder(title).append(NL);
        if (calls.isEmpty()) {
            return out.append("No calls match.").append(NL).toString();
        }
        String row = "%-20s %-16s %-20s %-14s %6s %6s %s%n";
        out.append(String.format(Locale.ROOT, row, "Entered (UTC)", "Queue", "Caller", "Outcome", "Wait", "Talk",
                "Agent"));
        for (CallRecord c : calls) {
            out.append(String.format(Locale.ROOT, row, c.enteredAt().toString().replace("T", " ").replace("Z", ""),
                    c.queue(), c.caller().isEmpty() ? "(withheld)" : c.caller(),
                    c.outcome().name().toLowerCase(Locale.ROOT), c.waitSeconds(), c.talkSeconds(),
                    c.agent().orElse("-")));
        }
        return out.toString();
    }

    static String lowScored(String title, List<LowScoredResponse> calls) {
        StringBuilder out = new StringBuilder(title).append(NL);
        if (calls.isEmpty()) {
            return out.append("No calls match.").append(NL).toString();
        }
        String row = "%-20s %-16s %-16s %-24s %5s %-9s %s%n";
        out.append(String.format(Locale.ROOT, row, "Surveyed (UTC)", "Queue", "Agent", "Call (uniqueid)", "Mean",
                "Complaint", "Voice comment"));
        for (LowScoredResponse c : calls) {
            out.append(String.format(Locale.ROOT, row, c.surveyedAt().truncatedTo(ChronoUnit.SECONDS).toString()
                    .replace("T", " ").replace("Z", ""), c.queue().orElse("-"), c.agent().orElse("-"), c.uniqueId(),
                    number(c.meanScore(), 2),
                    c.complaint() ? "yes" : "no", c.comment().orElse("-")));
        }
        return out.toString();
    }

    private static final String LEGEND = String.join(NL,
            "Offered  calls that entered the queue and ended; Answer. answered by an agent (transfers included)",
            "Aband.   hung up while waiting (Short: before short.abandon.seconds, counted apart); T/out queue time limit;",
            "         Key left by a key",
            "Answ.%   answered / offered;  Aban.% abandoned / (offered - short)",
            "SL-Ast   Asterisk's service level: answered within the queue's X s / answered",
            "SL-Off   the domain's service level: answered within X s / offered (abandons count against it)",
            "ASA      wait of answered calls / answered;  AvgWt wait of all calls / offered;  MaxWt longest wait (s)",
            "RNA      rings an agent did not answer;  Talk talk / answered;  Handle (talk + wrap-up) / answered",
            "FCR%     answered calls whose caller did not call again within fcr.window.hours / answered with a number",
            "CSAT%    survey answers of 4-5 / 1-5 answers;  Busy% CDR busy / CDR calls;  Solved% survey 'solved' yes",
            "Compl.%  surveys flagged as complaints / offered;  -  nothing to divide by",
            "");
}

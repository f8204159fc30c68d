package org.callscore.reports.internal;

import java.util.List;

import org.callscore.reports.CallRecord;
import org.callscore.reports.ReportQuery;
import org.jdbi.v3.core.Jdbi;

/** The drill-downs into single calls of reports_call, newest first. */
final class CallLists {

    /** Which calls a list holds. */
    enum Kind {
        ABANDONED("status IN ('" + CallState.Status.ABANDONED.column() + "', '"
                + CallState.Status.SHORT_ABANDON.column() + "')"),
        REPEAT_CALLERS("repeated");

        private final String condition;

        Kind(String condition) {
            this.condition = condition;
        }
    }

    private final Jdbi jdbi;

    CallLists(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<CallRecord> calls(Kind kind, ReportQuery query, int limit) {
        ReportFilter filter = ReportFilter.utc(query, "entered_at");
        String sql = "SELECT * FROM reports_call WHERE " + kind.condition + " AND " + filter.sql()
                + " ORDER BY entered_at DESC, enter_id DESC LIMIT :limit";
        return jdbi.withHandle(h -> filter.bind(h.createQuery(sql)).bind("limit", Math.max(0, limit))
                .map(Ingestion::call).map(CallState::toRecord).list());
    }
}

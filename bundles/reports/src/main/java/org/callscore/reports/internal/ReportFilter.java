package org.callscore.reports.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.callscore.reports.ReportQuery;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Which rows a report reads: a period on one column, [from, to), and optionally one queue and one agent. The
 * only place a report's conditions become SQL, with every value bound.
 *
 * @param column the DATE or DATETIME column the period is on
 * @param from   first value included (a {@link LocalDate} or {@link LocalDateTime}, as the column is)
 * @param to     first value no longer included
 */
record ReportFilter(String column, Object from, Object to, Optional<String> queue, Optional<String> agent) {

    /** @return the query's site-zone days, on a DATE column of site-zone days */
    static ReportFilter siteDays(ReportQuery query, String dateColumn) {
        return new ReportFilter(dateColumn, query.from(), query.to(), query.queue(), query.agent());
    }

    /** @return the query's days in its zone, on a DATETIME column of UTC times */
    static ReportFilter utc(ReportQuery query, String timeColumn) {
        return wallClock(query, timeColumn, java.time.ZoneOffset.UTC);
    }

    /** @return the query's days in its zone, on a DATETIME column of wall-clock times in {@code columnZone} */
    static ReportFilter wallClock(ReportQuery query, String timeColumn, ZoneId columnZone) {
        return new ReportFilter(timeColumn, wallClock(query.from(), query.zone(), columnZone),
                wallClock(query.to(), query.zone(), columnZone), query.queue(), query.agent());
    }

    private static LocalDateTime wallClock(LocalDate day, ZoneId dayZone, ZoneId columnZone) {
        return day.atStartOfDay(dayZone).withZoneSameInstant(columnZone).toLocalDateTime();
    }

    /** @return the condition, on the table's columns {@code column}, {@code queue} and {@code agent} */
    String sql() {
        return column + " >= :from AND " + column + " < :to" + queue.map(q -> " AND queue = :queue").orElse("")
                + agent.map(a -> " AND agent = :agent").orElse("");
    }

    /** @return the statement with the values of {@link #sql()} bound */
    <S extends SqlStatement<S>> S bind(S statement) {
        statement.bind("from", from).bind("to", to);
        queue.ifPresent(q -> statement.bind("queue", q));
        agent.ifPresent(a -> statement.bind("agent", a));
        return statement;
    }
}

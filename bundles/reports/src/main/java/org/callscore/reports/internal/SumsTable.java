package org.callscore.reports.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The two tables of {@link Measure} sums per bucket: by UTC hour (reports by hour, zones other than the
 * site's) and by site-zone day (24 times fewer rows for everything else). Their SQL is made here from the
 * measures.
 */
enum SumsTable {
    HOURLY("reports_hourly", List.of("hour_utc", "local_date"), bucket -> bucket),
    DAILY("reports_daily", List.of("local_date"), bucket -> new Bucket(null, bucket.localDate(), bucket.queue(),
            bucket.agent()));

    final String table;
    /** the key columns before queue and agent */
    private final List<String> timeColumns;
    /** the bucket of this table's row that a bucket's sums go to */
    private final Function<Bucket, Bucket> row;
    private final String upsert;

    SumsTable(String table, List<String> timeColumns, Function<Bucket, Bucket> row) {
        this.table = table;
        this.timeColumns = timeColumns;
        this.row = row;
        List<String> columns = Stream.concat(Stream.concat(timeColumns.stream(), Stream.of("queue", "agent")),
                Measure.ALL.stream().map(m -> m.column)).toList();
        this.upsert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ") ON DUPLICATE KEY UPDATE "
                + Measure.ALL.stream().map(Measure::accumulate).collect(Collectors.joining(", "));
    }

    /** @return the table a report is read from: the daily sums when it needs neither UTC hours nor another zone */
    static SumsTable forReport(boolean siteDays, boolean byHour) {
        return siteDays && !byHour ? DAILY : HOURLY;
    }

    /** Adds the sums of a batch to this table, one row per bucket of the table. */
    void upsert(Handle h, Map<Bucket, Tally> sums) {
        if (sums.isEmpty()) {
            return;
        }
        Map<Bucket, Tally> rows = new LinkedHashMap<>();
        sums.forEach((bucket, tally) -> rows.computeIfAbsent(row.apply(bucket), k -> new Tally()).add(tally));
        PreparedBatch batch = h.prepareBatch(upsert);
        rows.forEach((bucket, tally) -> {
            if (timeColumns.contains("hour_utc")) {
                batch.bind("hour_utc", Ingestion.utc(bucket.hourUtc()));
            }
            batch.bind("local_date", bucket.localDate()).bind("queue", bucket.queue()).bind("agent", bucket.agent());
            Measure.ALL.forEach(m -> batch.bind(m.column, tally.get(m)));
            batch.add();
        });
        batch.execute();
    }

    /**
     * @param groupColumns the key columns grouped by
     * @param where        a condition on this table's columns
     * @return the measures of each group, named as their columns (read with {@link Tally#read})
     */
    String select(List<String> groupColumns, String where) {
        String group = String.join(", ", groupColumns);
        return "SELECT " + group + ", " + Measure.ALL.stream().map(Measure::aggregate).collect(Collectors.joining(", "))
                + " FROM " + table + " WHERE " + where + " GROUP BY " + group;
    }
}

package org.callscore.callback.internal.figures;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.callscore.callback.CallbackFigureQuery;
import org.callscore.callback.CallbackFigureRow;
import org.callscore.callback.CallbackFigures;
import org.callscore.callback.CallbackState;
import org.callscore.callback.Callbacks;
import org.callscore.storage.Database;
import org.callscore.support.period.CalendarPeriod;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Counts callbacks by their request: each callback in the group of the day, queue and agent it was requested for,
 * with its outcome whenever that came. Read per callback rather than from aggregates: a site requests hundreds of
 * callbacks a day, not the millions of queue_log rows the service reports sum.
 */
@Component(configurationPid = FiguresConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FiguresConfig.class)
public class CallbackFiguresComponent implements CallbackFigures {

    private static final String SELECT = """
            SELECT c.queue, c.agent, c.state, c.requested_at, c.asked_for, c.closed_at,
                   (SELECT MIN(a.dialled_at) FROM callback_attempt a
                     WHERE a.callback_id = c.id AND a.outcome = 'ANSWERED') AS reached_at
              FROM callback c
             WHERE c.requested_at >= :from AND c.requested_at < :to
               AND (:queue IS NULL OR c.queue = :queue)
               AND (:agent IS NULL OR c.agent = :agent)
            """;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    private Duration onTimeAllowance;

    public CallbackFiguresComponent() {
    }

    CallbackFiguresComponent(Database database, Duration onTimeAllowance) {
        this.database = database;
        this.onTimeAllowance = onTimeAllowance;
    }

    @Activate
    void activate(FiguresConfig config) {
        onTimeAllowance = Duration.ofMinutes(Math.max(0, config.on_time_minutes()));
    }

    @Override
    public List<CallbackFigureRow> figures(CallbackFigureQuery query) {
        Database db = database;
        if (db == null || !db.isReady(Callbacks.SCHEMA)) {
            throw new IllegalStateException("the callback tables are not ready (see callscore:status)");
        }
        Duration closureWindow = Duration.ofDays(query.closureDays());
        Map<String, FigureTally> groups = new TreeMap<>();
        for (RequestedCallback callback : read(db.jdbi(), query)) {
            String key = key(callback, query);
            groups.computeIfAbsent(key, FigureTally::new).add(callback, onTimeAllowance, closureWindow);
        }
        return groups.values().stream().map(FigureTally::row).toList();
    }

    private static List<RequestedCallback> read(Jdbi jdbi, CallbackFigureQuery query) {
        Instant from = query.from().atStartOfDay(query.zone()).toInstant();
        Instant to = query.to().atStartOfDay(query.zone()).toInstant();
        return jdbi.withHandle(h -> h.createQuery(SELECT)
                .bind("from", Timestamp.from(from))
                .bind("to", Timestamp.from(to))
                .bind("queue", query.queue().orElse(null))
                .bind("agent", query.agent().orElse(null))
                .map((rs, ctx) -> new RequestedCallback(rs.getString("queue"),
                        Optional.ofNullable(rs.getString("agent")), CallbackState.valueOf(rs.getString("state")),
                        rs.getTimestamp("requested_at").toInstant(), instant(rs.getTimestamp("asked_for")),
                        instant(rs.getTimestamp("reached_at")), instant(rs.getTimestamp("closed_at"))))
                .list());
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    private static String key(RequestedCallback callback, CallbackFigureQuery query) {
        return switch (query.groupBy()) {
            case ALL -> "all";
            case QUEUE -> callback.queue();
            case AGENT -> callback.agent().orElse("(none)");
            case DAY, WEEK, MONTH, YEAR -> CalendarPeriod.valueOf(query.groupBy().name())
                    .key(callback.requestedAt().atZone(query.zone()).toLocalDate());
        };
    }
}

package org.callscore.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.callscore.notify.Campaign;
import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.CampaignKeys;
import org.callscore.notify.CampaignState;
import org.callscore.notify.CampaignWindow;
import org.callscore.notify.MachineHandling;
import org.callscore.notify.NotificationMessage;
import org.callscore.notify.NumberOutcome;
import org.callscore.notify.NumberResult;
import org.callscore.notify.NumberState;
import org.callscore.notify.RetryOutcome;
import org.callscore.notify.RetryRule;
import org.jdbi.v3.core.Handle;

/** How campaigns and numbers are written to and read from their rows. */
final class CampaignRows {

    static final String CAMPAIGN_COLUMNS = "id, name, message_source, message_name, first_day, last_day, daily_from, "
            + "daily_until, zone, max_in_flight, starts_per_second, retries, machine, key_repeat, key_agent, agent_queue, "
            + "key_opt_out, state, created_at, created_by, changed_at";
    static final String NUMBER_COLUMNS = "number, name, zone, fields, state, outcome, heard_ms, pressed, attempts, "
            + "last_attempt_at, due_at";

    private CampaignRows() {
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }

    static void insert(Handle h, Campaign c) {
        CampaignDefinition d = c.definition();
        h.createUpdate("INSERT INTO notify_campaign (" + CAMPAIGN_COLUMNS + ") VALUES (:id, :name, :source, :message, "
                + ":first, :last, :from, :until, :zone, :inFlight, :rate, :retries, :machine, :repeat, :agent, :queue, "
                + ":optOut, :state, :created, :by, :changed)")
                .bind("id", c.id()).bind("name", d.name()).bind("source", d.message().source().name())
                .bind("message", d.message().name()).bind("first", d.window().firstDay())
                .bind("last", d.window().lastDay()).bind("from", d.window().dailyFrom())
                .bind("until", d.window().dailyUntil()).bind("zone", d.window().zone().map(ZoneId::getId).orElse(null))
                .bind("inFlight", d.maxInFlight()).bind("rate", d.startsPerSecond()).bind("retries", retries(d.retries()))
                .bind("machine", d.machine().name()).bind("repeat", key(d.keys().repeat()))
                .bind("agent", key(d.keys().agent())).bind("queue", d.keys().queue().orElse(null))
                .bind("optOut", key(d.keys().optOut())).bind("state", c.state().name()).bind("created", ts(c.created()))
                .bind("by", c.createdBy()).bind("changed", ts(c.changed())).execute();
    }

    private static String key(Optional<Character> key) {
        return key.map(String::valueOf).orElse(null);
    }

    private static Optional<Character> key(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column)).filter(k -> !k.isEmpty()).map(k -> k.charAt(0));
    }

    static String retries(Map<RetryOutcome, RetryRule> retries) {
        return retries.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue().delay().toSeconds() + ":" + e.getValue().attempts())
                .collect(Collectors.joining(","));
    }

    static Map<RetryOutcome, RetryRule> retries(String text) {
        Map<RetryOutcome, RetryRule> retries = new EnumMap<>(RetryOutcome.class);
        for (String rule : text.split(",")) {
            if (rule.isBlank()) {
                continue;
            }
            String[] parts = rule.split("[=:]");
            retries.put(RetryOutcome.valueOf(parts[0]), new RetryRule(Duration.ofSeconds(Long.parseLong(parts[1])),
                    Integer.parseInt(parts[2])));
        }
        return retries;
    }

    static Campaign campaign(ResultSet rs) throws SQLException {
        CampaignWindow window = new CampaignWindow(rs.getDate("first_day").toLocalDate(),
                rs.getDate("last_day").toLocalDate(), rs.getTime("daily_from").toLocalTime(),
                rs.getTime("daily_until").toLocalTime(), Optional.ofNullable(rs.getString("zone")).map(ZoneId::of));
        CampaignKeys keys = new CampaignKeys(key(rs, "key_repeat"), key(rs, "key_agent"),
                Optional.ofNullable(rs.getString("agent_queue")), key(rs, "key_opt_out"));
        CampaignDefinition definition = new CampaignDefinition(rs.getString("name"),
                new NotificationMessage(NotificationMessage.MessageSource.valueOf(rs.getString("message_source")),
                        rs.getString("message_name")),
                window, rs.getInt("max_in_flight"), rs.getInt("starts_per_second"), retries(rs.getString("retries")),
                MachineHandling.valueOf(rs.getString("machine")), keys);
        return new Campaign(rs.getString("id"), definition, CampaignState.valueOf(rs.getString("state")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    static Optional<Campaign> byId(Handle h, String id, boolean lock) {
        return h.createQuery("SELECT " + CAMPAIGN_COLUMNS + " FROM notify_campaign WHERE id = :id"
                + (lock ? " FOR UPDATE" : "")).bind("id", id).map((rs, ctx) -> campaign(rs)).findOne();
    }

    static NumberResult number(ResultSet rs) throws SQLException {
        NumberState state = NumberState.valueOf(rs.getString("state"));
        return new NumberResult(rs.getString("number"), rs.getString("name"),
                Optional.ofNullable(rs.getString("zone")).map(ZoneId::of), FieldText.decode(rs.getString("fields")),
                state, Optional.ofNullable(rs.getString("outcome")).map(NumberOutcome::valueOf), rs.getLong("heard_ms"),
                rs.getString("pressed"), rs.getInt("attempts"), instant(rs, "last_attempt_at"),
                state == NumberState.WAITING ? instant(rs, "due_at") : Optional.empty());
    }
}

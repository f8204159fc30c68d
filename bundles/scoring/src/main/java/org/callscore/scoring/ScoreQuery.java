package org.callscore.scoring;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import org.callscore.support.period.Span;

/**
 * Which survey responses to score and how to group them. A response belongs to the period in which its
 * survey started ({@code survey_response.started_at}).
 * <p>
 * Group keys: {@code all} for {@link GroupBy#ALL}; the queue, agent, survey, question id or dimension as
 * stored, with {@code (none)} for a response without queue or agent and an answer without dimension;
 * for periods, the start time converted to {@code zone} (so days follow the local clock across daylight
 * saving changes): {@code 2026-11-24}, ISO week {@code 2026-W48} (the week-based year, so 2026-12-31 is
 * in {@code 2026-W53}), {@code 2026-11}, {@code 2026}.
 *
 * @param from    first instant included
 * @param to      first instant no longer included; after {@code from}
 * @param queue   only responses to calls through this queue
 * @param agent   only responses to calls taken by this agent
 * @param survey  only responses to this survey
 * @param groupBy what one row covers
 * @param zone    the time zone calendar periods are cut in
 */
public record ScoreQuery(Instant from, Instant to, Optional<String> queue, Optional<String> agent,
        Optional<String> survey, GroupBy groupBy, ZoneId zone) {

    /** Key of the single {@link GroupBy#ALL} row. */
    public static final String ALL_KEY = "all";
    /** Key of responses without queue or agent, and of answers without dimension. */
    public static final String NONE_KEY = "(none)";

    public ScoreQuery {
        Span.check(from, to);
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(zone, "zone");
    }
}

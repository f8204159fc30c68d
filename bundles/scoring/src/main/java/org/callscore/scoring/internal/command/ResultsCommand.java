package org.callscore.scoring.internal.command;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.support.options.CommandOptions;
import org.callscore.scoring.GroupBy;
import org.callscore.scoring.ScoreQuery;
import org.callscore.scoring.SurveyScores;

/** {@code survey:results}: the survey scores of a period, as a table. */
@Command(scope = "survey", name = "results",
        description = "Shows the post-call survey scores (response rate, mean, satisfaction, CSAT, NPS, "
                + "complaint rate, dimension indices) of the surveys started in a period, per group")
@Service
public class ResultsCommand implements Action {

    @Option(name = "--from", description = "First day included, yyyy-MM-dd (default: the first day of this month)")
    String from;

    @Option(name = "--to", description = "First day no longer included, yyyy-MM-dd (default: tomorrow)")
    String to;

    @Option(name = "--queue", description = "Only calls through this queue")
    String queue;

    @Option(name = "--agent", description = "Only calls taken by this agent")
    String agent;

    @Option(name = "--survey", description = "Only this survey")
    String survey;

    @Option(name = "--by", description = "One row per: all, queue, agent, survey, question, dimension, day, "
            + "week, month or year (default: all)")
    String by = "all";

    @Option(name = "--zone", description = "Time zone days start in, e.g. Europe/Berlin (default: the system's)")
    String zone;

    @Reference(optional = true)
    SurveyScores scores;

    @Override
    public Object execute() {
        if (scores == null) {
            System.out.println("Survey scores unavailable: the scoring component has not started (it needs the "
                    + "database; see callscore:status and scr:list)");
            return null;
        }
        ZoneId zoneId = zone == null ? ZoneId.systemDefault() : CommandOptions.zone("--zone", zone);
        ScoreQuery query = query(LocalDate.now(zoneId), zoneId);
        System.out.print(ResultsTable.render(title(query), scores.scores(query)));
        return null;
    }

    /** @return the query the options ask for, with the defaults relative to {@code today} */
    ScoreQuery query(LocalDate today, ZoneId zoneId) {
        LocalDate first = from == null ? today.withDayOfMonth(1) : CommandOptions.date("--from", from);
        LocalDate end = to == null ? today.plusDays(1) : CommandOptions.date("--to", to);
        if (!first.isBefore(end)) {
            throw new IllegalArgumentException("--from " + first + " must be before --to " + end
                    + " (--to is the first day not included)");
        }
        return new ScoreQuery(first.atStartOfDay(zoneId).toInstant(), end.atStartOfDay(zoneId).toInstant(),
                Optional.ofNullable(queue), Optional.ofNullable(agent), Optional.ofNullable(survey), CommandOptions.choice("--by", by, GroupBy.class),
                zoneId);
    }

    static String title(ScoreQuery query) {
        StringBuilder title = new StringBuilder("Surveys started from ")
                .append(query.from().atZone(query.zone()).toLocalDateTime())
                .append(" to ").append(query.to().atZone(query.zone()).toLocalDateTime())
                .append(" (excluded), ").append(query.zone());
        query.queue().ifPresent(q -> title.append(", queue ").append(q));
        query.agent().ifPresent(a -> title.append(", agent ").append(a));
        query.survey().ifPresent(s -> title.append(", survey ").append(s));
        return title.append(", by ").append(query.groupBy().name().toLowerCase(Locale.ROOT)).toString();
    }
}

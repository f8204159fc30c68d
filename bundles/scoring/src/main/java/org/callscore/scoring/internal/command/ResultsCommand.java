package org.callscore.scoring.internal.command;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.scoring.GroupBy;
import org.callscore.scoring.ScoreQuery;
import org.callscore.scoring.SurveyScores;
import org.callscore.support.command.PeriodOptions;
import org.callscore.support.command.PeriodTitle;
import org.callscore.support.options.CommandOptions;
import org.callscore.site.SiteZone;

/** {@code survey:results}: the survey scores of a period, as a table. */
@Command(scope = "survey", name = "results",
        description = "Shows the post-call survey scores (response rate, mean, satisfaction, CSAT, NPS, "
                + "complaint rate, dimension indices) of the surveys started in a period, per group")
@Service
public class ResultsCommand extends PeriodOptions {

    @Option(name = "--agent", description = "Only calls taken by this agent")
    String agent;

    @Option(name = "--survey", description = "Only this survey")
    String survey;

    @Option(name = "--by", description = "One row per: all, queue, agent, survey, question, dimension, day, "
            + "week, month or year (default: all)")
    String by = "all";

    @Reference(optional = true)
    SurveyScores scores;

    @Reference
    SiteZone siteZone;

    public ResultsCommand() {
        super("Survey scores unavailable: the scoring component has not started (it needs the database; see "
                + "callscore:status and scr:list)");
    }

    @Override
    protected Optional<String> text() {
        if (scores == null) {
            return Optional.empty();
        }
        ZoneId zoneId = zone(siteZone.zone());
        ScoreQuery query = query(LocalDate.now(zoneId), zoneId);
        return Optional.of(ResultsTable.render(title(query), scores.scores(query)));
    }

    /** @return the query the options ask for, with the defaults relative to {@code today} */
    ScoreQuery query(LocalDate today, ZoneId zoneId) {
        Days days = days(today);
        return new ScoreQuery(days.first().atStartOfDay(zoneId).toInstant(), days.end().atStartOfDay(zoneId).toInstant(),
                Optional.ofNullable(queue), Optional.ofNullable(agent), Optional.ofNullable(survey), CommandOptions.choice("--by", by, GroupBy.class),
                zoneId);
    }

    static String title(ScoreQuery query) {
        return PeriodTitle.of("Surveys started", query.from().atZone(query.zone()).toLocalDateTime(),
                query.to().atZone(query.zone()).toLocalDateTime(), query.zone(), query.queue(), query.agent())
                + query.survey().map(s -> ", survey " + s).orElse("")
                + ", by " + query.groupBy().name().toLowerCase(Locale.ROOT);
    }
}

package org.callscore.notify.internal.command;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaign;
import org.callscore.notify.NumberOutcome;
import org.callscore.notify.NumberResult;
import org.callscore.notify.NumberState;
import org.callscore.notify.ResultPage;
import org.callscore.notify.ResultQuery;
import org.callscore.notify.internal.PhoneNumbers;
import org.callscore.support.options.CommandOptions;

/** {@code notify:results CAMPAIGN}: one page of its numbers and their outcomes; numbers partly hidden unless asked. */
@Command(scope = "notify", name = "results", description = "One page of a campaign's numbers, in import order, "
        + "with their state and outcome; numbers partly hidden unless --numbers")
@Service
public class ResultsCommand extends CampaignCommand {

    @Option(name = "--state", description = "Only numbers in this state: waiting, in_flight, done, failed, "
            + "do_not_call, not_called")
    String state;

    @Option(name = "--outcome", description = "Only numbers whose last outcome is this: answered, machine, busy, "
            + "no_answer, failed, opted_out, lost")
    String outcome;

    @Option(name = "--offset", description = "Numbers to skip (default 0)")
    int offset;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = 50;

    @Option(name = "--numbers", description = "Shows the numbers in full (logged with your user name)")
    boolean numbers;

    @Override
    String run() {
        Campaign c = named();
        ResultPage page = campaigns.results(c.id(), new ResultQuery(
                Optional.ofNullable(state).map(s -> CommandOptions.choice("--state", s, NumberState.class)),
                Optional.ofNullable(outcome).map(o -> CommandOptions.choice("--outcome", o, NumberOutcome.class)),
                offset, limit));
        if (numbers && !page.rows().isEmpty()) {
            logged("listed %d numbers of campaign %s in full", page.rows().size(), c.name());
        }
        StringBuilder text = new StringBuilder(line(c));
        text.append(String.format("%-20s %-12s %-10s %8s %9s %-8s%n", "number", "state", "outcome", "attempts",
                "heard ms", "keys"));
        for (NumberResult r : page.rows()) {
            text.append(String.format("%-20s %-12s %-10s %8d %9d %-8s%n", numbers ? r.number() : PhoneNumbers.masked(r.number()),
                    r.state(), r.outcome().map(Enum::name).orElse("-"), r.attempts(), r.heardMillis(),
                    r.keys().isEmpty() ? "-" : r.keys()));
        }
        text.append(page.rows().size()).append(" of ").append(page.total()).append(" from ").append(offset).append('\n');
        return text.toString();
    }
}

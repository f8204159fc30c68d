package org.callscore.notify.internal.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.OutcomeDay;
import org.callscore.notify.OutcomeQuery;
import org.callscore.support.options.CommandOptions;

/** {@code report:notifications}: campaign outcomes per day, in the site's zone. */
@Command(scope = "report", name = "notifications", description = "Notification outcomes per day and campaign "
        + "(attempts ended that day, in the site's zone): answered, machine, busy, no answer, failed, opted out")
@Service
public class NotificationReportCommand extends NotifyCommand {

    @Option(name = "--from", description = "The first day, yyyy-MM-dd (default: 6 days before --to)")
    String from;

    @Option(name = "--to", description = "The last day, yyyy-MM-dd (default: today)")
    String to;

    @Option(name = "--campaign", description = "Only this campaign (name or id)")
    String campaign;

    @Override
    String run() {
        LocalDate last = to == null ? LocalDate.now(siteZone()) : CommandOptions.date("--to", to);
        LocalDate first = from == null ? last.minusDays(6) : CommandOptions.date("--from", from);
        List<OutcomeDay> days = campaigns.outcomesPerDay(new OutcomeQuery(
                Optional.ofNullable(campaign).map(c -> campaign(c).id()), first, last));
        StringBuilder text = new StringBuilder(String.format("%-10s %-24s %8s %8s %7s %5s %9s %6s %9s %4s %9s%n",
                "day", "campaign", "attempts", "answered", "machine", "busy", "no answer", "failed", "opted out",
                "lost", "heard s"));
        for (OutcomeDay d : days) {
            text.append(String.format("%-10s %-24s %8d %8d %7d %5d %9d %6d %9d %4d %9d%n", d.day(), d.campaign(),
                    d.attempts(), d.answered(), d.machine(), d.busy(), d.noAnswer(), d.failed(), d.optedOut(), d.lost(),
                    d.heardMillis() / 1000));
        }
        if (days.isEmpty()) {
            text.append("No notification attempt ended from ").append(first).append(" to ").append(last).append('\n');
        }
        return text.toString();
    }
}

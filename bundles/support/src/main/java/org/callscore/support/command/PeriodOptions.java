package org.callscore.support.command;

import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Option;
import org.callscore.support.options.CommandOptions;

/**
 * The period options of the commands that report on days ({@code report:*}, {@code survey:results}): the same
 * defaults and the same errors everywhere.
 */
public abstract class PeriodOptions extends ModuleCommand {

    @Option(name = "--from", description = "First day included, yyyy-MM-dd (default: the first day of this month)")
    public String from;

    @Option(name = "--to", description = "First day no longer included, yyyy-MM-dd (default: tomorrow)")
    public String to;

    @Option(name = "--queue", description = "Only calls through this queue")
    public String queue;

    @Option(name = "--zone", description = "Time zone days start in, e.g. Europe/Berlin (default: the site's, zone "
            + "in etc/org.callscore.site.cfg)")
    public String zone;

    protected PeriodOptions(String unavailable) {
        super(unavailable);
    }

    /** The days asked for: from {@code first} included to {@code end} excluded. */
    public record Days(LocalDate first, LocalDate end) {
    }

    /**
     * @return the days the options ask for, by default this month so far (today included)
     * @throws IllegalArgumentException when a date is malformed or --from is not before --to
     */
    protected Days days(LocalDate today) {
        LocalDate first = from == null ? today.withDayOfMonth(1) : CommandOptions.date("--from", from);
        LocalDate end = to == null ? today.plusDays(1) : CommandOptions.date("--to", to);
        if (!first.isBefore(end)) {
            throw new IllegalArgumentException("--from " + first + " must be before --to " + end
                    + " (--to is the first day not included)");
        }
        return new Days(first, end);
    }

    /** @return the zone of --zone, else the site's */
    protected ZoneId zone(ZoneId siteZone) {
        return zone == null ? siteZone : CommandOptions.zone("--zone", zone);
    }
}

package org.callscore.callback.internal.command;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.callback.Callback;
import org.callscore.callback.CallbackQuery;
import org.callscore.callback.CallbackState;
import org.callscore.callback.Callbacks;
import org.callscore.support.options.CommandOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code callback:list}: the callbacks to make, soonest due first; numbers partly hidden unless asked. */
@Command(scope = "callback", name = "list", description = "Lists callbacks, soonest due first: open ones (scheduled, "
        + "dialling) unless --state or --all says otherwise; numbers partly hidden unless --numbers")
@Service
public class ListCommand extends CallbackCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ListCommand.class);

    @Option(name = "--queue", description = "Only this queue's")
    String queue;

    @Option(name = "--agent", description = "Only those assigned to this agent")
    String agent;

    @Option(name = "--state", multiValued = true,
            description = "Only in these states: scheduled, dialling, done, failed, expired, cancelled (repeatable)")
    java.util.List<String> states;

    @Option(name = "--all", description = "Every state")
    boolean all;

    @Option(name = "--from", description = "Only those due on or after this day, yyyy-MM-dd (in --zone)")
    String from;

    @Option(name = "--to", description = "Only those due before the end of this day, yyyy-MM-dd (in --zone)")
    String to;

    @Option(name = "--zone", description = "The zone of --from and --to (default: the site's)")
    String zone;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = 50;

    @Option(name = "--numbers", description = "Shows the customers' numbers in full (logged with your user name)")
    boolean numbers;

    @Override
    String run(Callbacks service) {
        ZoneId days = zone == null ? siteZone() : CommandOptions.zone("--zone", zone);
        Set<CallbackState> wanted = all ? Set.of() : states == null || states.isEmpty()
                ? EnumSet.of(CallbackState.SCHEDULED, CallbackState.DIALLING) : EnumSet.noneOf(CallbackState.class);
        if (!all && states != null) {
            for (String state : states) {
                wanted.add(CommandOptions.choice("--state", state, CallbackState.class));
            }
        }
        java.util.List<Callback> found = service.find(new CallbackQuery(Optional.ofNullable(queue),
                Optional.ofNullable(agent), wanted,
                Optional.ofNullable(from).map(d -> CommandOptions.date("--from", d).atStartOfDay(days).toInstant()),
                Optional.ofNullable(to).map(d -> CommandOptions.date("--to", d).plusDays(1).atStartOfDay(days)
                        .toInstant()),
                limit));
        if (numbers && !found.isEmpty()) {
            LOG.info("{} listed the numbers of {} callbacks (queue {}, agent {})", actor(), found.size(),
                    queue == null ? "any" : queue, agent == null ? "any" : agent);
        }
        return CallbackText.list(found, numbers);
    }
}

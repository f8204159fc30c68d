package org.callscore.notify.internal.command;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.notify.Campaign;

/** {@code notify:create [FILE]}: a new campaign from a definition file, options, or both (options win). */
@Command(scope = "notify", name = "create", description = "Creates a campaign (a draft: import customers, then "
        + "notify:start) from a definition file of key = value lines (docs/notifications.md) and/or options")
@Service
public class CreateCommand extends NotifyCommand {

    @Argument(index = 0, name = "file", description = "The definition file", required = false)
    String file;

    @Option(name = "--name", description = "The campaign's name")
    String name;
    @Option(name = "--message", description = "sound:NAME (an Asterisk sound) or recorded:NAME")
    String message;
    @Option(name = "--first-day", description = "The first day calls may start, yyyy-MM-dd")
    String firstDay;
    @Option(name = "--last-day", description = "The last day, yyyy-MM-dd")
    String lastDay;
    @Option(name = "--from", description = "The daily start, HH:mm, in each customer's zone")
    String dailyFrom;
    @Option(name = "--until", description = "The daily end, HH:mm (excluded)")
    String dailyUntil;
    @Option(name = "--zone", description = "The zone of customers imported without one (default: the site's)")
    String zone;
    @Option(name = "--max-in-flight", description = "The most calls in flight at once (default 10)")
    String maxInFlight;
    @Option(name = "--rate", description = "The most calls started per second (default 5)")
    String rate;
    @Option(name = "--machine", description = "On an answering machine: leave (after the beep) or hang-up (and retry)")
    String machine;
    @Option(name = "--key-repeat", description = "The key that plays the message again")
    String keyRepeat;
    @Option(name = "--key-agent", description = "The key that reaches an agent of --queue")
    String keyAgent;
    @Option(name = "--queue", description = "The queue the agent key reaches")
    String queue;
    @Option(name = "--key-opt-out", description = "The key that puts the number on the do-not-call list")
    String keyOptOut;
    @Option(name = "--retry-busy", description = "DELAY xATTEMPTS, e.g. 10m x3 (s, m or h)")
    String retryBusy;
    @Option(name = "--retry-no-answer", description = "DELAY xATTEMPTS")
    String retryNoAnswer;
    @Option(name = "--retry-failed", description = "DELAY xATTEMPTS")
    String retryFailed;
    @Option(name = "--retry-machine", description = "DELAY xATTEMPTS (with --machine hang-up)")
    String retryMachine;

    @Override
    String run() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                Properties lines = new Properties();
                lines.load(reader);
                lines.stringPropertyNames().forEach(k -> values.put(k.strip(), lines.getProperty(k).strip()));
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("name", name);
        options.put("message", message);
        options.put("first.day", firstDay);
        options.put("last.day", lastDay);
        options.put("daily.from", dailyFrom);
        options.put("daily.until", dailyUntil);
        options.put("zone", zone);
        options.put("max.in.flight", maxInFlight);
        options.put("starts.per.second", rate);
        options.put("machine", machine);
        options.put("key.repeat", keyRepeat);
        options.put("key.agent", keyAgent);
        options.put("agent.queue", queue);
        options.put("key.opt.out", keyOptOut);
        options.put("retry.busy", retryBusy);
        options.put("retry.no.answer", retryNoAnswer);
        options.put("retry.failed", retryFailed);
        options.put("retry.machine", retryMachine);
        options.forEach((key, value) -> {
            if (value != null) {
                values.put(key, value);
            }
        });
        Campaign created = campaigns.create(CampaignFile.definition(values), actor());
        logged("created campaign %s (%s): %s", created.name(), created.id(), CampaignFile.describe(created.definition()));
        return "Created " + line(created) + CampaignFile.describe(created.definition()) + "\n";
    }
}

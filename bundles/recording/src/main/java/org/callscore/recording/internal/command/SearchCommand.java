package org.callscore.recording.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.recording.RecordingPage;
import org.callscore.recording.RecordingQuery;
import org.callscore.recording.internal.RecordingIndexComponent;
import org.callscore.support.options.CommandOptions;

/** {@code recording:search}: recordings by caller, agent, queue, time, duration, score, complaint; newest first. */
@Command(scope = "recording", name = "search", description = "Finds recordings: --caller DIGITS (the number ends "
        + "with them), --agent, --queue, --from/--to (ISO instants), --min-seconds/--max-seconds, --min-score/"
        + "--max-score, --complaint true|false, --offset, --limit")
@Service
public class SearchCommand extends RecordingCommand {

    @Option(name = "--caller") String caller;
    @Option(name = "--agent") String agent;
    @Option(name = "--queue") String queue;
    @Option(name = "--from") String from;
    @Option(name = "--to") String to;
    @Option(name = "--min-seconds") Integer minSeconds;
    @Option(name = "--max-seconds") Integer maxSeconds;
    @Option(name = "--min-score") Double minScore;
    @Option(name = "--max-score") Double maxScore;
    /** A String: Karaf would read a Boolean as a flag without a value, and "false" after it as an argument. */
    @Option(name = "--complaint") String complaint;
    @Option(name = "--offset") int offset = 0;
    @Option(name = "--limit") int limit = 50;

    @Override
    String run(RecordingIndexComponent index) {
        RecordingPage page = index.search(query());
        StringBuilder out = new StringBuilder(String.format("%-8s %-20s %-14s %-16s %-12s %7s %-6s %-8s %s%n", "Id",
                "Started", "Caller", "Agent", "Queue", "Length", "Score", "State", "Kind"));
        page.recordings().forEach(r -> out.append(line(r)));
        out.append(page.recordings().size()).append(" shown").append(page.more() ? "; more with --offset "
                + (offset + limit) : "").append('\n');
        return out.toString();
    }

    /** @return the search the options ask for */
    RecordingQuery query() {
        return new RecordingQuery(Optional.ofNullable(caller), Optional.ofNullable(agent), Optional.ofNullable(queue),
                Optional.ofNullable(from).map(Instant::parse), Optional.ofNullable(to).map(Instant::parse),
                Optional.ofNullable(minSeconds).map(Duration::ofSeconds),
                Optional.ofNullable(maxSeconds).map(Duration::ofSeconds), optional(minScore), optional(maxScore),
                Optional.ofNullable(complaint).map(c -> CommandOptions.yesNo("--complaint", c)), Set.of(), offset,
                limit);
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}

package org.callscore.recording.internal.command;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.recording.internal.Keeping;
import org.callscore.recording.internal.RecordingIndexComponent;

/** {@code recording:verify}: every ready recording re-read against its SHA-256; and the files nobody matches. */
@Command(scope = "recording", name = "verify", description = "Re-reads every ready recording against its stored "
        + "SHA-256 and lists the missing and changed ones, then the files in the folder no recording matches")
@Service
public class VerifyCommand extends RecordingCommand {

    @Override
    String run(RecordingIndexComponent index) {
        List<Keeping.Problem> problems = index.verify();
        StringBuilder out = new StringBuilder();
        problems.forEach(p -> out.append(String.format("%-8d %s: %s%n", p.id(), p.file(), p.what())));
        out.append(problems.isEmpty() ? "Every ready recording matches its SHA-256\n"
                : problems.size() + " recording(s) missing or changed\n");
        Map<String, Long> strays = index.strays();
        strays.forEach((file, size) -> out.append("not indexed: ").append(file).append(" (").append(size)
                .append(" bytes)\n"));
        return out.toString();
    }
}

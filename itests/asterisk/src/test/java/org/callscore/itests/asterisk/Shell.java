package org.callscore.itests.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's scripts, keeping everything they print in one log file for when a test fails. */
final class Shell {

    private final Path repository;
    private final Path log;
    private final Map<String, String> environment;

    Shell(Path repository, Path log, Map<String, String> environment) {
        this.repository = repository;
        this.log = log;
        this.environment = Map.copyOf(environment);
    }

    Path log() {
        return log;
    }

    /** This shell with more environment variables (or other values of them). */
    Shell with(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(more);
        return new Shell(repository, log, merged);
    }

    /** What a command printed (standard output and error together) and how it ended. */
    record Result(int exitCode, String output) {
    }

    /**
     * @param command a script of the repository (e.g. {@code itests/asterisk/pbx}) and its arguments
     * @throws AssertionError when it does not end within {@code timeout}
     */
    Result run(Duration timeout, List<String> command) {
        try {
            Path output = Files.createTempFile(log.getParent(), "command", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Process process = builder.start();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            Files.writeString(log, "\n### " + LocalTime.now() + " " + String.join(" ", command) + "\n" + text
                    + (ended ? "### exit " + process.exitValue() : "### killed after " + timeout) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (!ended) {
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + "; see " + log);
            }
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Like {@link #run}, and the command must succeed. */
    String ok(Duration timeout, String... command) {
        Result result = run(timeout, List.of(command));
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (exit " + result.exitCode() + "):\n"
                    + tail(result.output()) + "\nwhole log: " + log);
        }
        return result.output();
    }

    static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 30), lines.length));
    }
}

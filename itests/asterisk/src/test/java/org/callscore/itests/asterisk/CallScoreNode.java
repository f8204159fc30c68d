package org.callscore.itests.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One CallScore node of the test site: a Karaf runtime made and run by {@code ./callscore} in its own folder,
 * with its own ports and its own database user, on the site's database. Several nodes share one database and one
 * Asterisk, as a site with two CallScore machines does.
 */
record CallScoreNode(String name, Path runtime, Shell shell) {

    /**
     * A node in {@code runtime}: {@code ./callscore} makes it there with the database user {@code dbUser} on
     * {@code database} (a user of its own: each runtime keeps its own password).
     */
    static CallScoreNode of(String name, Path repository, Path runtime, Path log, String database, String dbUser) {
        Map<String, String> env = TestRuntime.environment(runtime, database, TestRuntime.freePort());
        env.put("CALLSCORE_DB_USER", dbUser);
        return new CallScoreNode(name, runtime, new Shell(repository, log, env));
    }

    /** A new runtime: whatever an earlier run left is killed and removed first. */
    void install() {
        karafProcess().ifPresent(CallScoreNode::killAndWait);
        if (Files.exists(runtime)) {
            shell.ok(Duration.ofMinutes(1), "rm", "-rf", runtime.toString());
        }
        start();
    }

    /** Starts Karaf as configured; returns once FastAGI listens. */
    void start() {
        shell.ok(TestSite.SCRIPT, "./callscore", "start");
    }

    /**
     * Stops Karaf with its own {@code bin/stop}, not {@code ./callscore stop}: that one stops the test PBX too,
     * which the other nodes still use.
     */
    void stop() {
        Optional<ProcessHandle> karaf = karafProcess();
        if (karaf.isEmpty()) {
            return;
        }
        shell.run(Duration.ofMinutes(1), List.of(runtime.resolve("bin/stop").toString()));
        try {
            karaf.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            killAndWait(karaf.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills this node's Karaf with SIGKILL (a power cut): no bundle stops, nothing is flushed. */
    void kill() {
        killAndWait(karafProcess().orElseThrow(() -> new AssertionError("no Karaf runs in " + runtime)));
    }

    private static void killAndWait(ProcessHandle process) {
        process.destroyForcibly();
        process.onExit().join();
    }

    /** The Karaf JVM of this runtime: the java process started with {@code -Dkaraf.base=RUNTIME}, exactly. */
    private Optional<ProcessHandle> karafProcess() {
        String base = "-Dkaraf.base=" + runtime;
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .filter(p -> Arrays.asList(p.info().arguments().orElse(new String[0])).contains(base)).findFirst();
    }

    Properties dataSource() {
        return TestRuntime.properties(TestRuntime.dataSource(runtime));
    }

    /** A command in this node's Karaf console, through {@code ./callscore shell}. */
    String console(String command) {
        return shell.ok(Duration.ofMinutes(1), "./callscore", "shell", command);
    }

    long karafLogSize() {
        try {
            return Files.size(runtime.resolve("data/log/karaf.log"));
        } catch (IOException e) {
            return 0;
        }
    }

    String karafLog(long from) {
        try {
            byte[] all = Files.readAllBytes(runtime.resolve("data/log/karaf.log"));
            int start = (int) Math.min(from, all.length);
            return new String(all, start, all.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Sets {@code key = value} lines of {@code etc/FILE} (a shipped file keeps its other lines; a missing one is
     * made), written whole and renamed into place so Karaf never reads half a file.
     */
    void configure(String file, Map<String, String> settings) {
        Path target = runtime.resolve("etc").resolve(file);
        try {
            List<String> lines = new ArrayList<>(Files.exists(target) ? Files.readAllLines(target) : List.of());
            Map<String, String> left = new LinkedHashMap<>(settings);
            for (int i = 0; i < lines.size(); i++) {
                String key = lines.get(i).split("=", 2)[0].trim();
                if (!lines.get(i).trim().startsWith("#") && left.containsKey(key)) {
                    lines.set(i, key + " = " + left.remove(key));
                }
            }
            left.forEach((key, value) -> lines.add(key + " = " + value));
            writeOwned(target, String.join("\n", lines) + "\n", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A setting as Config Admin holds it, read with config:list, which changes nothing. config:property-get --pid
     * writes back what it read: one that read before fileinstall took a test's edit, and wrote after, put the old
     * settings back (seen once: the callback dialler ran as the default node, named after the host, with the default
     * retry delays, while the file said otherwise).
     *
     * @return the value, or "" when the configuration does not have the setting
     */
    String setting(String pid, String key) {
        String listing = shell.run(Duration.ofMinutes(1), List.of("./callscore", "shell",
                "config:list '(service.pid=" + pid + ")'")).output();
        return listing.lines().map(String::strip).filter(line -> line.startsWith(key + " = ")).findFirst()
                .map(line -> line.substring(key.length() + 3).strip()).orElse("");
    }

    /** Writes a secret into {@code etc/FILE}, readable by the runtime's owner only (0600). */
    Path writeSecret(String file, String secret) {
        Path target = runtime.resolve("etc").resolve(file);
        try {
            writeOwned(target, secret + "\n", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Karaf runs as the runtime folder's owner (user callscore when the tests run as root): its files are its. */
    private void writeOwned(Path target, String text, boolean secret) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        if (secret) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        UserPrincipal owner = Files.getOwner(runtime);
        Files.setOwner(temporary, owner);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String toString() {
        return "node " + name + " (" + runtime + ")";
    }
}

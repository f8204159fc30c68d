package org.callscore.itests.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A phone the test PBX calls ({@code sipp/phone.xml}, a sipp UAS on its own port): an agent's PJSIP/agentN, or
 * the customers' trunk PJSIP/NUMBER@trunk. It answers after {@code ringMs}, hangs up after {@code talkMs}, and
 * answers numbers beginning 0486 busy the first {@code busyTimes} of their calls. Every INVITE it received is in
 * its log, so a test counts the dials each number (or agent) got: one Call-ID per dial, whatever was retransmitted.
 */
final class SippPhone implements AutoCloseable {

    private final String name;
    private final Path invites;
    private final Process process;

    private SippPhone(String name, Path invites, Process process) {
        this.name = name;
        this.invites = invites;
        this.process = process;
    }

    /**
     * @param name      the phone's SIP user in its Contact ({@code agent1}, {@code customer}) and its log files' name
     * @param port      its SIP port on 127.0.0.1, where the PBX's pjsip.conf sends that endpoint's calls
     * @param mediaPort its RTP port (each phone its own)
     */
    static SippPhone start(Path repository, Path logs, String name, int port, int mediaPort, int ringMs, int talkMs,
            int busyTimes) {
        return start(repository, logs, name, port, mediaPort, mediaPort, ringMs, talkMs, busyTimes);
    }

    /** @param rtpPort the RTP port its SDP names: one the test listens on, to count what Asterisk sends the phone */
    static SippPhone start(Path repository, Path logs, String name, int port, int mediaPort, int rtpPort, int ringMs,
            int talkMs, int busyTimes) {
        try {
            Files.createDirectories(logs);
            Path invites = logs.resolve(name + "-invites.log");
            Files.deleteIfExists(invites);
            List<String> command = new ArrayList<>(List.of("sipp", "-sf",
                    repository.resolve("itests/asterisk/sipp/phone.xml").toString(), "-i", "127.0.0.1", "-p",
                    String.valueOf(port), "-mp", String.valueOf(mediaPort), "-set", "rtp_port", String.valueOf(rtpPort),
                    "-set", "agent", name, "-set", "ring_ms",
                    String.valueOf(ringMs), "-set", "talk_ms", String.valueOf(talkMs), "-set", "busy_times",
                    String.valueOf(busyTimes), "-nostdin", "-trace_logs", "-log_file", invites.toString(),
                    "-trace_msg", "-message_file", logs.resolve(name + "-messages.log").toString(), "-trace_err",
                    "-error_file", logs.resolve(name + "-errors.log").toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logs.resolve(name + "-screen.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("sipp phone " + name + " on 127.0.0.1:" + port + " exited at once (exit "
                        + process.exitValue() + "): see " + logs.resolve(name + "-screen.log"));
            }
            return new SippPhone(name, invites, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** @return the Call-IDs of the INVITEs received, per called user (a number, or agentN), in arrival order */
    Map<String, Set<String>> dials() {
        Map<String, Set<String>> dials = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.exists(invites) ? Files.readAllLines(invites, StandardCharsets.ISO_8859_1) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            // "invite sip:USER CALL-ID", as phone.xml logs it
            String[] words = line.trim().split(" ");
            if (words.length == 3 && words[0].equals("invite") && words[1].startsWith("sip:")) {
                dials.computeIfAbsent(words[1].substring(4), user -> new LinkedHashSet<>()).add(words[2]);
            }
        }
        return dials;
    }

    /** @return how many times {@code user} was dialled */
    int dialsOf(String user) {
        return dials().getOrDefault(user, Set.of()).size();
    }

    /** @return how many calls this phone received in all */
    int dialCount() {
        return dials().values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "phone " + name;
    }
}

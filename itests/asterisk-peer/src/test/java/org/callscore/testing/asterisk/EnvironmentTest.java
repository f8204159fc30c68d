package org.callscore.testing.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.callscore.testing.asterisk.TinyFastAgiServer.WAIT;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();

    private byte[] environmentOf(FastAgiCall.Builder builder) throws Exception {
        try (FastAgiCall call = builder.connect()) {
            byte[] block = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(block).as("environment received by the server").isNotNull();
            return block;
        }
    }

    private TinyFastAgiServer recordingServer() throws Exception {
        return TinyFastAgiServer.start(session -> received.add(session.readRawEnvironment()));
    }

    @Test
    void writesExactlyTheBytesAsteriskWrites() throws Exception {
        try (TinyFastAgiServer server = recordingServer()) {
            byte[] block = environmentOf(server.call()
                    .script("ping?x=1")
                    .arg("first")
                    .arg("")
                    .channel("PJSIP/caller-00000001")
                    .uniqueId("1700000000.1")
                    .callerId("+4930123456", "Doe, \"John\"")
                    .context("survey")
                    .extension("100")
                    .priority(2)
                    .env("agi_threadid", "140245817419328"));

            assertThat(new String(block, UTF_8)).isEqualTo(""
                    + "agi_network: yes\n"
                    + "agi_network_script: ping?x=1\n"
                    + "agi_request: agi://127.0.0.1:" + server.port() + "/ping?x=1\n"
                    + "agi_channel: PJSIP/caller-00000001\n"
                    + "agi_language: en\n"
                    + "agi_type: PJSIP\n"
                    + "agi_uniqueid: 1700000000.1\n"
                    + "agi_version: 22.10.1\n"
                    + "agi_callerid: +4930123456\n"
                    + "agi_calleridname: Doe, \"John\"\n"
                    + "agi_callingpres: 0\n"
                    + "agi_callingani2: 0\n"
                    + "agi_callington: 0\n"
                    + "agi_callingtns: 0\n"
                    + "agi_dnid: unknown\n"
                    + "agi_rdnis: unknown\n"
                    + "agi_context: survey\n"
                    + "agi_extension: 100\n"
                    + "agi_priority: 2\n"
                    + "agi_enhanced: 0.0\n"
                    + "agi_accountcode: \n"
                    + "agi_threadid: 140245817419328\n"
                    + "agi_arg_1: first\n"
                    + "agi_arg_2: \n"
                    + "\n");
        }
    }

    @Test
    void withoutAScriptThereIsNoNetworkScriptLineAndUnsetCallerIdIsUnknown() throws Exception {
        try (TinyFastAgiServer server = recordingServer()) {
            String block = new String(environmentOf(server.call()), UTF_8);

            assertThat(block).doesNotContain("agi_network_script")
                    .contains("\nagi_request: agi://127.0.0.1:" + server.port() + "\n")
                    .contains("\nagi_callerid: unknown\nagi_calleridname: unknown\nagi_callingpres: 67\n")
                    .containsPattern("\nagi_uniqueid: \\d+\\.\\d+\n")
                    .containsPattern("\nagi_threadid: \\d+\n\n$")
                    .doesNotContain("\r");
        }
    }

    @Test
    void keysComeInAsterisksOrder() throws Exception {
        try (TinyFastAgiServer server = recordingServer()) {
            String block = new String(environmentOf(server.call().script("s").arg("a").arg("b")), UTF_8);

            List<String> keys = block.lines().filter(line -> !line.isEmpty())
                    .map(line -> line.substring(0, line.indexOf(':'))).collect(Collectors.toList());
            assertThat(keys).containsExactly("agi_network", "agi_network_script", "agi_request", "agi_channel",
                    "agi_language", "agi_type", "agi_uniqueid", "agi_version", "agi_callerid", "agi_calleridname",
                    "agi_callingpres", "agi_callingani2", "agi_callington", "agi_callingtns", "agi_dnid",
                    "agi_rdnis", "agi_context", "agi_extension", "agi_priority", "agi_enhanced",
                    "agi_accountcode", "agi_threadid", "agi_arg_1", "agi_arg_2");
        }
    }

    @Test
    void callerControlledBytesAreSentRaw() throws Exception {
        String name = "Evil\r, \"quoted\" \\ name";
        try (TinyFastAgiServer server = recordingServer()) {
            String block = new String(environmentOf(server.call().callerId("1 2,3", name)), UTF_8);

            assertThat(block).contains("\nagi_callerid: 1 2,3\nagi_calleridname: " + name + "\n");
        }
    }

    @Test
    void callsGetDistinctUniqueIdsAndChannels() throws Exception {
        try (TinyFastAgiServer server = recordingServer()) {
            String first = new String(environmentOf(server.call()), UTF_8);
            String second = new String(environmentOf(server.call()), UTF_8);

            assertThat(valueOf(first, "agi_uniqueid")).isNotEqualTo(valueOf(second, "agi_uniqueid"));
            assertThat(valueOf(first, "agi_channel")).startsWith("PJSIP/caller-")
                    .isNotEqualTo(valueOf(second, "agi_channel"));
        }
    }

    @Test
    void envOverridesInPlaceAddsLastAndRemovesOnNull() throws Exception {
        try (TinyFastAgiServer server = recordingServer()) {
            String block = new String(environmentOf(server.call()
                    .env("agi_version", "certified-20.7")
                    .env("agi_network", null)
                    .env("agi_custom", "x")), UTF_8);

            assertThat(block).startsWith("agi_request: ")
                    .contains("\nagi_uniqueid: ").contains("\nagi_version: certified-20.7\nagi_callerid: ")
                    .endsWith("\nagi_custom: x\n\n")
                    .doesNotContain("agi_network");
        }
    }

    @Test
    void environmentLinesReplaceTheWholeBlock() throws Exception {
        try (TinyFastAgiServer server = recordingServer()) {
            byte[] block = environmentOf(server.call().environmentLines(List.of("agi_request", "garbage: : x")));

            assertThat(new String(block, UTF_8)).isEqualTo("agi_request\ngarbage: : x\n\n");
        }
    }

    @Test
    void environmentBytesAreSentVerbatim() throws Exception {
        byte[] raw = {'a', 'g', 'i', '_', 'x', ':', ' ', (byte) 0xC3, (byte) 0x28, '\r', '\n', '\n'};
        try (TinyFastAgiServer server = recordingServer()) {
            assertThat(environmentOf(server.call().environmentBytes(raw))).isEqualTo(raw);
        }
    }

    private static String valueOf(String block, String key) {
        return block.lines().filter(line -> line.startsWith(key + ": ")).findFirst()
                .map(line -> line.substring(key.length() + 2)).orElseThrow();
    }
}

package org.callscore.itests.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A CallScore runtime of the tests' own, made and run by {@code ./callscore}: its folder, database and ports
 * (free ones, so it runs beside a site's CallScore and the other tests'), as the script's environment says them.
 */
final class TestRuntime {

    private TestRuntime() {
    }

    /** The environment of {@code ./callscore} for a runtime in {@code runtime} with FastAGI on {@code agiPort}. */
    static Map<String, String> environment(Path runtime, String database, int agiPort) {
        Map<String, String> env = new HashMap<>();
        env.put("CALLSCORE_RUNTIME", runtime.toString());
        env.put("CALLSCORE_DB_NAME", database);
        env.put("CALLSCORE_DB_USER", database);
        env.put("CALLSCORE_AGI_PORT", String.valueOf(agiPort));
        env.put("CALLSCORE_SSH_PORT", String.valueOf(freePort()));
        env.put("CALLSCORE_RMI_REGISTRY_PORT", String.valueOf(freePort()));
        env.put("CALLSCORE_RMI_SERVER_PORT", String.valueOf(freePort()));
        return env;
    }

    /** The runtime's DataSource configuration (url, user, password) as {@code ./callscore} left it. */
    static Path dataSource(Path runtime) {
        return runtime.resolve("etc/org.ops4j.datasource-callscore.cfg");
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.callscore.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The distribution as an administrator runs it: unpacked with tar and started with {@code bin/start} (Pax Exam
 * starts Java itself, so it never runs bin/setenv). Checks where secrets end up: every file holding the database
 * or a dashboard password is for Karaf's user only, none is in the log, the dashboard passwords are hashed, and
 * the login locks a user out after a run of wrong passwords. The database password is made up for this test (the
 * database does not accept it): what matters is where Karaf copies it.
 */
public class DistributionSecretsIT {

    static final String DB_PASSWORD = "Db-" + UUID.randomUUID();
    static final String WEB_USER = "filesmanager";
    static final String WEB_PASSWORD = "Web-" + UUID.randomUUID();
    static final String GUESSED_USER = "guessedmanager";
    static final String GUESSED_PASSWORD = "Guessed-" + UUID.randomUUID();
    static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private static Path karaf;
    private static Set<String> shipped;
    private static int webPort;

    @BeforeClass
    public static void startTheDistribution() throws Exception {
        Path archive = Path.of(System.getProperty("callscore.distribution"));
        karaf = Path.of("target", "distribution-secrets").toAbsolutePath();
        run(Path.of("."), "rm", "-rf", karaf.toString());
        Files.createDirectories(karaf);
        run(karaf, "tar", "-xpzf", archive.toString(), "--strip-components=1");
        shipped = new HashSet<>(List.of(run(karaf, "tar", "-tzf", archive.toString()).split("\n"))).stream()
                .map(entry -> entry.substring(entry.indexOf('/') + 1)).map(entry -> entry.replaceAll("/$", ""))
                .collect(Collectors.toSet());

        webPort = freePort();
        set("etc/org.ops4j.datasource-callscore.cfg", "url", System.getProperty("callscore.test.db.url"));
        set("etc/org.ops4j.datasource-callscore.cfg", "user", System.getProperty("callscore.test.db.user"));
        set("etc/org.ops4j.datasource-callscore.cfg", "password", DB_PASSWORD);
        set("etc/org.callscore.fastagi.cfg", "port", String.valueOf(freePort()));
        set("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort()));
        set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort()));
        set("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort()));
        set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(webPort));
        set("etc/org.callscore.reports.web.cfg", "login.failure.delay.ms", "100");
        // an administrator adds users with an editor, passwords in plain text
        Files.writeString(karaf.resolve("etc/users.properties"), WEB_USER + " = " + WEB_PASSWORD
                + ",callscore-reports\n" + GUESSED_USER + " = " + GUESSED_PASSWORD + ",callscore-reports\n",
                java.nio.file.StandardOpenOption.APPEND);

        // as ./callscore run makes it, but readable by all, as a copy with cp under umask 022 would be
        Path consoleKey = karaf.resolve("etc/callscore-admin.key");
        Files.writeString(consoleKey, "-----BEGIN OPENSSH PRIVATE KEY-----\n(test)\n");
        Files.setPosixFilePermissions(consoleKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        run(karaf, "bin/start");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!log().contains("FastAGI server listening on") || !loginPageAnswers()) {
            assertTrue("Karaf did not start within 120 s; see " + karaf.resolve("data/log/karaf.log"),
                    System.nanoTime() < deadline);
            Thread.sleep(500);
        }
    }

    @AfterClass
    public static void stopIt() throws Exception {
        if (karaf != null) {
            run(karaf, "bin/stop");
        }
    }

    @Test
    public void everyFileHoldingTheDatabasePasswordIsOwnerOnlyAndConfigAdminsCopyIsAmongThem() throws Exception {
        List<Path> holding = filesContaining(DB_PASSWORD);

        assertTrue(holding.toString(), holding.contains(karaf.resolve("etc/org.ops4j.datasource-callscore.cfg")));
        assertTrue("Config Admin's copy under data/cache: " + holding, holding.stream()
                .anyMatch(path -> path.startsWith(karaf.resolve("data/cache")) && path.toString().endsWith(".config")));
        for (Path path : holding) {
            assertOwnerOnly(path);
        }
    }

    @Test
    public void everyFileAndFolderKarafWroteUnderDataAndEtcIsOwnerOnly() throws Exception {
        List<String> open = new ArrayList<>();
        for (String top : new String[] {"data", "etc"}) {
            try (Stream<Path> paths = Files.walk(karaf.resolve(top))) {
                paths.filter(path -> !shipped.contains(karaf.relativize(path).toString()))
                        .filter(path -> !java.util.Collections.disjoint(permissions(path), GROUP_OR_OTHER))
                        .forEach(path -> open.add(karaf.relativize(path) + " " + permissions(path)));
            }
        }
        assertTrue(open.size() + " written by Karaf and open to others, e.g. " + open.subList(0, Math.min(10,
                open.size())), open.isEmpty());
        for (String file : new String[] {"etc/users.properties", "etc/keys.properties", "etc/callscore-admin.key"}) {
            assertOwnerOnly(karaf.resolve(file));
        }
    }

    @Test
    public void noPasswordIsInTheLog() {
        String log = log();
        assertFalse("the database password is in karaf.log", log.contains(DB_PASSWORD));
        assertFalse("a dashboard password is in karaf.log", log.contains(WEB_PASSWORD) || log.contains(GUESSED_PASSWORD));
    }

    @Test
    public void dashboardPasswordsAreReplacedByTheirHashesAndTheLoginStillTakesThePassword() throws Exception {
        String users = Files.readString(karaf.resolve("etc/users.properties"));
        assertFalse(users, users.contains(WEB_PASSWORD));
        Matcher hashed = Pattern.compile("(?m)^" + WEB_USER + " = \\{CRYPT\\}[0-9a-f]{40,}\\{CRYPT\\},callscore-reports$")
                .matcher(users);
        assertTrue(users, hashed.find());
        assertTrue(filesContaining(WEB_PASSWORD).toString(), filesContaining(WEB_PASSWORD).isEmpty());

        HttpResponse<String> login = new Web().logIn(WEB_USER, WEB_PASSWORD);

        assertEquals(login.body(), 303, login.statusCode());
    }

    @Test
    public void twentyWrongPasswordsInARowLockTheUserOutEvenForTheRightPasswordAndAreLogged() throws Exception {
        long logFrom = log().length();
        for (int i = 1; i <= 20; i++) {
            int status = new Web().logIn(GUESSED_USER, "guess-" + i).statusCode();
            assertEquals("guess " + i, i <= 10 ? 401 : 429, status);
        }

        HttpResponse<String> right = new Web().logIn(GUESSED_USER, GUESSED_PASSWORD);

        assertEquals(429, right.statusCode());
        assertTrue(right.body(), right.body().contains("Too many failed logins for this user or from this address: "
                + "try again in 15 minutes."));
        assertEquals(String.valueOf(15 * 60), right.headers().firstValue("Retry-After").orElse(""));
        String logged = log().substring((int) logFrom);
        assertTrue(logged, logged.contains("Reports web: user '" + GUESSED_USER + "' locked out until "));
        assertTrue(logged, logged.contains("after 10 failed logins in a row (the last for user '" + GUESSED_USER
                + "' from 127.0.0.1)"));
        assertTrue(logged, logged.contains("Reports web: login refused for user '" + GUESSED_USER + "' from 127.0.0.1: "
                + "locked out until "));
        assertFalse(logged, logged.contains("guess-1") || logged.contains(GUESSED_PASSWORD));
        // another user from the same address is not locked out
        assertEquals(303, new Web().logIn(WEB_USER, WEB_PASSWORD).statusCode());
    }

    private static void assertOwnerOnly(Path path) {
        Set<PosixFilePermission> permissions = permissions(path);
        assertTrue(karaf.relativize(path) + " is " + permissions,
                java.util.Collections.disjoint(permissions, GROUP_OR_OTHER));
    }

    private static Set<PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every file of the distribution (data/ and etc/ included) holding the text. */
    private static List<Path> filesContaining(String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(karaf)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(path), needle) >= 0) {
                    found.add(path);
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String log() {
        try {
            Path log = karaf.resolve("data/log/karaf.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean loginPageAnswers() {
        try {
            return new Web().get("/callscore/login").statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** Sets {@code key = value} in a configuration file of the unpacked distribution. */
    private static void set(String file, String key, String value) throws IOException {
        Path path = karaf.resolve(file);
        String text = Files.readString(path);
        String line = key + " = " + value;
        Matcher existing = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        text = existing.find() ? existing.replaceFirst(Matcher.quoteReplacement(line)) : text + "\n" + line + "\n";
        Files.writeString(path, text);
    }

    private static String run(Path directory, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0 && !command[0].equals("bin/stop")) {
            throw new AssertionError(String.join(" ", command) + " ended with " + status + ": " + output);
        }
        return output;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One browser: its own cookies, redirects not followed. */
    static final class Web {
        private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> logIn(String user, String password) throws Exception {
            HttpResponse<String> form = get("/callscore/login");
            Matcher token = CSRF.matcher(form.body());
            assertTrue(form.body(), token.find());
            String body = Map.of("user", user, "password", password, "csrf", token.group(1)).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/callscore/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

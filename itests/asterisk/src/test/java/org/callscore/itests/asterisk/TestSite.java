package org.callscore.itests.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A call centre for the tests, started with the project's own scripts: CallScore's Karaf distribution as built
 * ({@code ./callscore start}, its own runtime folder and ports), the test PBX ({@code itests/asterisk/pbx}: Debian's
 * Asterisk 22, queue_log and CDR into MariaDB over ODBC, the shipped dialplan include) and the database both write
 * to. {@link #close()} stops both and unmounts what the PBX mounted, whatever happened before.
 */
final class TestSite implements AutoCloseable {

    static final Duration SCRIPT = Duration.ofMinutes(10);
    static final String SURVEY = "e2e";

    private final Path repository = Path.of(System.getProperty("callscore.repository")).toAbsolutePath().normalize();
    private final Path work = Path.of(System.getProperty("callscore.e2e.work")).toAbsolutePath();
    private final String database = System.getProperty("callscore.e2e.db", "callscore_e2e");
    private final Path runtime = work.resolve("runtime");
    private final Thread stopOnExit = new Thread(this::stop, "callscore-e2e-stop");
    private final List<CallScoreNode> nodes = new ArrayList<>();
    private final List<AutoCloseable> extras = new ArrayList<>();
    private CallScoreNode node;
    private Shell shell;
    private String dbUser;
    private String dbPassword;

    /** Starts CallScore and the PBX; on any failure stops what was started and rethrows. */
    static TestSite start(String surveyFile) {
        TestSite site = new TestSite();
        try {
            site.startAll(surveyFile);
            return site;
        } catch (RuntimeException | Error e) {
            site.close();
            throw e;
        }
    }

    private void startAll(String surveyFile) {
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node = CallScoreNode.of("a", repository, runtime, work.resolve("e2e.log"), database, database);
        nodes.add(node);
        shell = node.shell();
        Runtime.getRuntime().addShutdownHook(stopOnExit);

        long logStart = 0;
        shell.ok(SCRIPT, "itests/asterisk/pbx", "stop"); // a PBX left by an earlier run that was killed
        node.install();
        Properties dataSource = node.dataSource();
        dbUser = dataSource.getProperty("user");
        dbPassword = dataSource.getProperty("password");
        writeSurvey(surveyFile);
        eventually("survey " + SURVEY + " loaded by CallScore", Duration.ofSeconds(60),
                () -> karafLog(logStart).contains("Survey " + SURVEY + " loaded"));

        shell = shell.with(Map.of("CALLSCORE_PBX_DB", database, "CALLSCORE_PBX_DB_USER", dbUser,
                "CALLSCORE_PBX_DB_PASSWORD", dbPassword));
        shell.ok(SCRIPT, "itests/asterisk/pbx", "build");
        shell.ok(SCRIPT, "itests/asterisk/pbx", "db-setup");
        shell.ok(SCRIPT, "itests/asterisk/pbx", "start");
    }

    /** The first CallScore node, the one the PBX's FastAGI calls go to. */
    CallScoreNode node() {
        return node;
    }

    /**
     * Another CallScore node on the same database (its own runtime folder, ports and database user), started;
     * stopped with the site.
     */
    synchronized CallScoreNode addNode(String name) {
        CallScoreNode added = CallScoreNode.of(name, repository, work.resolve("runtime-" + name),
                work.resolve("e2e-" + name + ".log"), database, database + "_" + name);
        nodes.add(added);
        added.install();
        return added;
    }

    /** Something the site closes when it stops (a phone, a proxy), before the PBX and CallScore stop. */
    synchronized <T extends AutoCloseable> T keep(T closeable) {
        extras.add(closeable);
        return closeable;
    }

    Path repository() {
        return repository;
    }

    Path work() {
        return work;
    }

    void writeSurvey(String text) {
        try {
            Path folder = runtime.resolve("etc/callscore/surveys");
            Files.createDirectories(folder);
            Path temporary = folder.resolve(SURVEY + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, folder.resolve(SURVEY + ".survey"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Shell shell() {
        return shell;
    }

    /** A caller number of this run only: rows of earlier runs stay in the database. */
    static String newCaller() {
        return "07" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** Places calls with {@code itests/asterisk/call} (sipp; its arguments as its usage says) and waits for them. */
    void call(String... arguments) {
        List<String> command = new ArrayList<>(List.of("itests/asterisk/call", "-t", "150"));
        command.addAll(List.of(arguments));
        Shell.Result result = shell.run(Duration.ofMinutes(4), command);
        assertThat(result.exitCode()).as("sipp followed its scenarios:\n%s", Shell.tail(result.output())).isZero();
    }

    /** The first node's runtime folder (etc/, data/), as {@code ./callscore start} made it. */
    Path runtime() {
        return runtime;
    }

    /** A command in CallScore's Karaf console (the first node), through {@code ./callscore shell}. */
    String console(String command) {
        return node.console(command);
    }

    long karafLogSize() {
        return node.karafLogSize();
    }

    String karafLog(long from) {
        return node.karafLog(from);
    }

    /** The folder the test PBX's Asterisk runs in (itests/asterisk/pbx, CALLSCORE_PBX_ROOT). */
    static Path pbxRoot() {
        String root = System.getenv("CALLSCORE_PBX_ROOT");
        return Path.of(root == null || root.isBlank() ? "/var/cache/callscore/asterisk-root" : root);
    }

    /** What Asterisk logged (verbose lines of the dialplan included) since it started. */
    String pbxLog() {
        try {
            return Files.readString(pbxRoot().resolve("var/log/callscore-pbx/messages"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The caller's channel uniqueid, from the CDR Asterisk wrote (waited for): one for all the caller's rows, and
     * the call's linkedid too.
     */
    String callerUniqueId(String caller) {
        eventually("the CDR of " + caller, Duration.ofSeconds(20),
                () -> !query("SELECT uniqueid FROM cdr WHERE src = ?", caller).isEmpty());
        List<Map<String, Object>> rows = query("SELECT DISTINCT uniqueid, linkedid FROM cdr WHERE src = ? "
                + "AND channel LIKE 'PJSIP/caller-%'", caller);
        assertThat(rows).as("the caller's CDR rows share one uniqueid").hasSize(1);
        assertThat(rows.get(0).get("linkedid")).isEqualTo(rows.get(0).get("uniqueid"));
        return (String) rows.get(0).get("uniqueid");
    }

    /** Rows of a query on the database CallScore and the PBX write to, every value bound. */
    List<Map<String, Object>> query(String sql, Object... arguments) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, arguments)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** A change on that database (setting the scene for a test), every value bound; returns the rows changed. */
    int update(String sql, Object... arguments) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, arguments)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("update failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database, dbUser, dbPassword);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... arguments)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
        }
        return statement;
    }

    /** Writes an IVR menu file {@code NAME.ivr} of the first node and waits until CallScore loaded it. */
    void writeMenuFile(String name, String... lines) throws IOException {
        Path folder = runtime.resolve("etc/callscore/ivr");
        Files.createDirectories(folder);
        Path temporary = folder.resolve(name + ".tmp");
        Files.writeString(temporary, String.join("\n", lines) + "\n");
        long logStart = karafLogSize();
        Files.move(temporary, folder.resolve(name + ".ivr"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        eventually("the menu file " + name + " loaded by CallScore", Duration.ofSeconds(30),
                () -> karafLog(logStart).contains("IVR menu file " + name + " loaded"));
    }

    static void eventually(String what, Duration patience, BooleanSupplier condition) {
        eventually(what, patience, condition, () -> "");
    }

    /** As above; the failure also says what {@code diagnosis} finds then (what the console or a log showed). */
    static void eventually(String what, Duration patience, BooleanSupplier condition,
            Supplier<String> diagnosis) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        String seen = diagnosis.get();
        throw new AssertionError("not within " + patience.toSeconds() + " s: " + what
                + (seen.isEmpty() ? "" : "\n" + seen));
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private synchronized void stop() {
        if (shell == null) {
            return;
        }
        // each step on its own: a failing one must not leave the others running
        for (AutoCloseable extra : extras) {
            try {
                extra.close();
            } catch (Exception e) {
                System.err.println("e2e: closing " + extra + ": " + e.getMessage());
            }
        }
        extras.clear();
        try {
            shell.run(Duration.ofMinutes(2), List.of("itests/asterisk/pbx", "stop"));
        } catch (RuntimeException | AssertionError e) {
            System.err.println("e2e: pbx stop: " + e.getMessage());
        }
        for (CallScoreNode each : nodes) {
            try {
                each.stop();
            } catch (RuntimeException | AssertionError e) {
                System.err.println("e2e: stopping " + each + ": " + e.getMessage());
            }
        }
        shell = null;
    }
}

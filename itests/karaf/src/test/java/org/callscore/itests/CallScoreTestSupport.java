package org.callscore.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.callscore.agi.server.FastAgiServer;
import org.callscore.storage.Database;
import org.callscore.testing.asterisk.FastAgiCall;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

/**
 * Boots the CallScore Karaf distribution, as built, against the real MariaDB, and gives tests the FastAGI
 * port, the services and the console.
 */
public abstract class CallScoreTestSupport {

    static final String AGI_PORT = "callscore.itest.agi.port";
    /** The system property that tells a test Karaf's web port (see {@link #webPort()}). */
    static final String WEB_PORT = "callscore.itest.web.port";
    /** The system property that tells a test this module's target folder (see {@link #webServer()}). */
    static final String TARGET = "callscore.itest.target";
    /** The system property that tells a test the recordings folder (see {@link #recordingsIn}). */
    static final String RECORDINGS = "callscore.itest.recordings";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** How long a test's call may take, unless its class says otherwise. */
    static final Duration CALL = Duration.ofSeconds(20);

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    /** Injected once Karaf has installed the boot features (see {@link #bootFeatures}). */
    @Inject
    protected BootFinished bootFinished;

    /** The distribution against the tests' MariaDB; a class that needs more options overrides this. */
    @Configuration
    public Option[] configuration() {
        return callScore(System.getProperty("callscore.test.db.url"));
    }

    /** The options every test class needs; {@code dataSourceUrl} lets a class put a proxy in between. */
    protected static Option[] callScore(String dataSourceUrl) {
        String version = System.getProperty("callscore.version");
        String agiPort = String.valueOf(freePort());
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + new File(System.getProperty("callscore.distribution")).getAbsolutePath())
                        .name("CallScore")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut(FEATURES_CFG, "featuresBoot", bootFeatures(distributionBootFeatures())),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("org.ops4j.pax.url.mvn.localRepository")),
                editConfigurationFilePut("etc/org.callscore.fastagi.cfg", "port", agiPort),
                editConfigurationFilePut("etc/org.callscore.storage.cfg", "health.interval.seconds", "1"),
                editConfigurationFilePut("etc/org.ops4j.datasource-callscore.cfg", "url", dataSourceUrl),
                editConfigurationFilePut("etc/org.ops4j.datasource-callscore.cfg", "user",
                        System.getProperty("callscore.test.db.user")),
                editConfigurationFilePut("etc/org.ops4j.datasource-callscore.cfg", "password",
                        System.getProperty("callscore.test.db.password")),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        String.valueOf(freePort())),
                systemProperty(AGI_PORT).value(agiPort),
                systemProperty("callscore.test.db.url").value(System.getProperty("callscore.test.db.url")),
                systemProperty("callscore.test.db.user").value(System.getProperty("callscore.test.db.user")),
                systemProperty("callscore.test.db.password").value(System.getProperty("callscore.test.db.password")),
                mavenBundle("org.callscore", "org.callscore.testing.asterisk", version));
    }

    /** {@code key = value} in Karaf's {@code etc/PID.cfg}. */
    protected static Option config(String pid, String key, String value) {
        return editConfigurationFilePut("etc/" + pid + ".cfg", key, value);
    }

    /** A user of Karaf's realm (etc/users.properties), with its password and roles. */
    protected static Option user(DashboardUser user) {
        return editConfigurationFilePut("etc/users.properties", user.name(), user.password() + "," + user.roles());
    }

    /** The site's time zone (etc/org.callscore.site.cfg). */
    protected static Option siteZone(String zone) {
        return config("org.callscore.site", "zone", zone);
    }

    /** Karaf's web server on a free port, which the system property {@link #WEB_PORT} tells the test. */
    protected static Option webPort() {
        String webPort = String.valueOf(freePort());
        return composite(config("org.ops4j.pax.web", "org.osgi.service.http.port", webPort),
                systemProperty(WEB_PORT).value(webPort));
    }

    /**
     * Karaf's web server on a free port (see {@link #webPort()}), with short delays for refused logins; the
     * test's target folder ({@link #TARGET}) for what the browser saves.
     */
    protected static Option webServer() {
        return composite(webPort(), config("org.callscore.reports.web", "login.failure.delay.ms", "300"),
                systemProperty(TARGET).value(new File("target").getAbsolutePath()));
    }

    /** The reports module ingesting queue_log every second; the site and Asterisk in UTC. */
    protected static Option reportsInUtc() {
        return composite(siteZone("UTC"), config("org.callscore.reports", "ingest.interval.seconds", "1"),
                config("org.callscore.reports", "pbx.zone", "UTC"));
    }

    /**
     * The recording index on {@code folder} (told the test as {@link #RECORDINGS}): scanned every second, a file
     * finished once its size stood still for a second, recording while 1 MB is free.
     */
    protected static Option recordingsIn(String folder) {
        String recording = "org.callscore.recording";
        return composite(config(recording, "folder", folder), config(recording, "scan.interval.seconds", "1"),
                config(recording, "settle.seconds", "1"), config(recording, "free.space.min.mb", "1"),
                systemProperty(RECORDINGS).value(folder));
    }

    /**
     * The boot features as a stage of their own: Pax Exam appends its own features (the remote bundle context it
     * installs the test probe through) to featuresBoot, and installs the probe as soon as that context is up. In
     * the same stage as CallScore's features, that can be while Karaf's deployer is still at work, which then
     * replaces the region digraph without the probe, and the probe cannot resolve ("Resolver hook prevented
     * resolution"). In a stage of their own, Pax Exam's features are the last deployment of the boot.
     *
     * @param features the boot features, separated by commas
     */
    protected static String bootFeatures(String features) {
        return "(" + features + ")";
    }

    private static final String FEATURES_CFG = "etc/org.apache.karaf.features.cfg";

    /** featuresBoot as the distribution ships it, read from its archive. */
    private static String distributionBootFeatures() {
        Path archive = Path.of(System.getProperty("callscore.distribution"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replaceAll("\u0000.*", "");
                long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII)
                        .replaceAll("[\u0000 ]", ""), 8);
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (name.endsWith("/" + FEATURES_CFG)) {
                    java.util.Properties cfg = new java.util.Properties();
                    cfg.load(new java.io.ByteArrayInputStream(content));
                    return cfg.getProperty("featuresBoot");
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + FEATURES_CFG + " in " + archive);
    }

    /** MariaDB reached directly, not through CallScore's DataSource (nor a proxy in front of it). */
    protected static org.jdbi.v3.core.Jdbi mariaDbDirect() {
        org.mariadb.jdbc.MariaDbDataSource source = new org.mariadb.jdbc.MariaDbDataSource();
        try {
            source.setUrl(System.getProperty("callscore.test.db.url"));
            source.setUser(System.getProperty("callscore.test.db.user"));
            source.setPassword(System.getProperty("callscore.test.db.password"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return org.jdbi.v3.core.Jdbi.create(source);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static int agiPort() {
        return Integer.parseInt(System.getProperty(AGI_PORT));
    }

    protected FastAgiCall.Builder call(String script) {
        return FastAgiCall.to("127.0.0.1", agiPort()).script(script);
    }

    /** The service as registered now: a reconfigured component is a new object. */
    protected <T> Optional<T> service(Class<T> type) {
        ServiceReference<T> reference = bundleContext.getServiceReference(type);
        return reference == null ? Optional.empty() : Optional.ofNullable(bundleContext.getService(reference));
    }

    protected FastAgiServer server() {
        return service(FastAgiServer.class).orElseThrow(() -> new AssertionError("no FastAgiServer service"));
    }

    protected Database database() {
        return service(Database.class).orElseThrow(() -> new AssertionError("no Database service"));
    }

    /** Whether the FastAGI server serves {@code application} and the schema of the same name is migrated. */
    protected boolean servedAndMigrated(String application) {
        return server().applications().contains(application) && database().isReady(application);
    }

    /** Starts the bundle if an earlier test left it stopped: a failed test must not take the next ones down with it. */
    protected void startIfStopped(String symbolicName) throws BundleException {
        Bundle bundle = bundle(symbolicName);
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
    }

    protected Bundle bundle(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    protected static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String lastError = "";
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (AssertionError notYet) {
                lastError = " (last: " + notYet.getMessage() + ")"; // e.g. a service between two configurations
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what + lastError);
    }

    protected String console(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(System.in, out, out);
            session.execute(command);
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What the console answers, any failure an AssertionError: for the conditions of {@link #eventually}. */
    protected String shell(String command) {
        try {
            return console(command);
        } catch (Exception e) {
            throw new AssertionError(command + ": " + e.getMessage());
        }
    }

    /** What Karaf logged since the given size of its log file. */
    protected static String logSince(long offset) {
        byte[] all;
        try {
            all = Files.readAllBytes(karafLog());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    /** @return how many times {@code text} stands in {@code log} */
    protected static int times(String log, String text) {
        int times = 0;
        for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) {
            times++;
        }
        return times;
    }

    /** Waits for {@code line} in what Karaf logged since {@code logStart}, and checks it is logged once only. */
    protected static void loggedOnce(long logStart, String line) throws InterruptedException {
        eventually("logged: " + line, () -> logSince(logStart).contains(line));
        String log = logSince(logStart);
        if (times(log, line) != 1) {
            throw new AssertionError("logged " + times(log, line) + " times, not once: " + line + "\n" + log);
        }
    }

    protected static long logSize() throws IOException {
        return Files.size(karafLog());
    }

    private static Path karafLog() {
        return Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
    }
}

package org.callscore.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.callscore.storage.BackgroundTask;
import org.callscore.storage.Database;
import org.callscore.storage.DatabaseStatus;
import org.callscore.storage.ModuleSchema;
import org.callscore.storage.TaskStatus;
import org.callscore.support.task.PeriodicTask;
import org.jdbi.v3.core.Jdbi;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Database} service over the DataSource that pax-jdbc-config makes from
 * {@code etc/org.ops4j.datasource-callscore.cfg}. It checks MariaDB every few seconds, says clearly when it
 * is down and when it is back, and applies each module bundle's migrations as soon as both the bundle and
 * the database are there.
 */
@Component(configurationPid = DatabaseComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true) // migrations and health checks run whether or not a module is using the service
@Designate(ocd = DatabaseComponent.Config.class)
@Capability(namespace = "osgi.extender", name = ModuleSchema.EXTENDER, version = "1.0.0")
public class DatabaseComponent implements Database {

    static final String PID = "org.callscore.storage";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);
    private static final Pattern MODULE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    @ObjectClassDefinition(name = "CallScore storage",
            description = "Which DataSource CallScore uses and how often it checks it")
    @interface Config {

        @AttributeDefinition(name = "DataSource filter",
                description = "OSGi filter selecting the DataSource service; pax-jdbc-config registers "
                        + "etc/org.ops4j.datasource-callscore.cfg with dataSourceName=callscore")
        String dataSource_target() default "(dataSourceName=callscore)";

        @AttributeDefinition(name = "Health check interval (s)",
                description = "How often MariaDB is checked; pending migrations run as soon as it answers")
        int health_interval_seconds() default 10;
    }

    @Reference(target = "(dataSourceName=callscore)")
    private DataSource dataSource;

    /** By module name; a module whose bundle stopped stays, so calls still in flight in it can write. */
    private final Map<String, TrackedSchema> schemas = new ConcurrentHashMap<>();
    private Jdbi jdbi;
    private MigrationRunner migrations;
    private PeriodicTask monitor;
    private BundleTracker<TrackedSchema> tracker;

    private volatile boolean reachable;
    private volatile String problem = "not checked yet";
    private volatile Instant checkedAt = Instant.EPOCH;

    @Activate
    void activate(BundleContext context, Config config) {
        jdbi = Jdbi.create(dataSource);
        migrations = new MigrationRunner(jdbi);
        monitor = PeriodicTask.start("database-health-check", Duration.ZERO,
                Duration.ofSeconds(Math.max(1, config.health_interval_seconds())), this::check,
                task -> BackgroundTask.register(context, task.name(), () -> task.status(TaskStatus::new))::unregister);
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new SchemaBundles());
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        monitor.close();
    }

    @Override
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public DatabaseStatus status() {
        return new DatabaseStatus(reachable, problem, checkedAt, schemas.values().stream()
                .map(TrackedSchema::status)
                .sorted(Comparator.comparing(s -> s.module()))
                .toList());
    }

    @Override
    public boolean isReady(String module) {
        TrackedSchema schema = schemas.get(module);
        return reachable && schema != null && schema.status().upToDate();
    }

    @Override
    public void checkNow() {
        monitor.runSoon();
    }

    private void check() {
        String why = "";
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                why = "MariaDB did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s";
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            // a LinkageError (the driver's bundle being refreshed) must not leave an earlier "reachable" standing
            why = MigrationRunner.rootMessage(e);
        }
        boolean wasReachable = reachable;
        boolean firstCheck = checkedAt.equals(Instant.EPOCH);
        reachable = why.isEmpty();
        problem = why;
        checkedAt = Instant.now();
        if (reachable && (!wasReachable || firstCheck)) {
            LOG.info(firstCheck ? "Database reachable" : "Database reachable again");
        } else if (!reachable && (wasReachable || firstCheck)) {
            LOG.warn("Database unreachable: {}. Modules keep running; CallScore checks again every few seconds",
                    why);
        }
        if (reachable) {
            schemas.values().forEach(this::migrate);
        }
    }

    private void migrate(TrackedSchema schema) {
        if (schema.status().upToDate() || !schema.active()) {
            return;
        }
        try {
            schema.applied(migrations.migrate(schema.module, schema.migrations));
        } catch (MigrationException e) {
            if (schema.failed(e.getMessage())) {
                LOG.error("Schema of module {} not migrated: {}", schema.module, e.getMessage());
            }
        } catch (RuntimeException e) {
            // the database went away mid-way: the next check retries
            schema.failed("database unreachable: " + MigrationRunner.rootMessage(e));
        }
    }

    /** Finds module bundles by their CallScore-Schema header, as they start and stop. */
    private final class SchemaBundles implements BundleTrackerCustomizer<TrackedSchema> {

        @Override
        public TrackedSchema addingBundle(Bundle bundle, BundleEvent event) {
            String module = bundle.getHeaders("").get(ModuleSchema.HEADER);
            if (module == null) {
                return null;
            }
            module = module.trim();
            TrackedSchema schema;
            try {
                if (!MODULE_NAME.matcher(module).matches()) {
                    throw new IllegalArgumentException("module name '" + module
                            + "' must be lower-case letters, digits and '_'");
                }
                schema = new TrackedSchema(module, bundle.getSymbolicName(), Migration.of(migrationFiles(bundle)));
            } catch (IllegalArgumentException | IOException e) {
                LOG.error("Bundle {} declares schema {} but its migrations cannot be read: {}",
                        bundle.getSymbolicName(), module, e.getMessage());
                return null;
            }
            TrackedSchema known = schemas.get(module);
            if (known != null) {
                // before it is seen: a module restarted (updated) under calls must not look "not ready" for a moment
                schema.applied(known.status().appliedVersion());
            }
            schemas.put(module, schema);
            checkNow();
            return schema;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, TrackedSchema schema) {
            // the migrations of a bundle do not change while it is active
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, TrackedSchema schema) {
            schema.stopped();
        }
    }

    private static Map<String, String> migrationFiles(Bundle bundle) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries("db/migration", "*.sql", false);
        if (entries == null) {
            return files;
        }
        for (URL entry : Collections.list(entries)) {
            String path = entry.getPath();
            try (InputStream in = entry.openStream()) {
                files.put(path.substring(path.lastIndexOf('/') + 1), new String(in.readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}

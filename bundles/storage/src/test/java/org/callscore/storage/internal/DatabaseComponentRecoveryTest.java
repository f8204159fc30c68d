package org.callscore.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.callscore.storage.BackgroundTask;
import org.mariadb.jdbc.MariaDbDataSource;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The database-health-check task, driven as Declarative Services drives the component: a Throwable out of the
 * DataSource does not stop the checks, and the next check finds MariaDB again once the cause is gone. (The
 * storage bundle cannot use the test support module, which depends on it: its BundleContext is made here.)
 */
class DatabaseComponentRecoveryTest {

    private final List<BackgroundTask> tasks = new ArrayList<>();

    /** Keeps the services registered; bundle listeners see no bundles. */
    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "registerService" -> {
                        tasks.add((BackgroundTask) args[1]);
                        yield Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                    tasks.remove(args[1]);
                                    return null;
                                });
                    }
                    case "getBundles" -> new Bundle[0];
                    case "addBundleListener", "removeBundleListener" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static DatabaseComponent.Config config() {
        return (DatabaseComponent.Config) Proxy.newProxyInstance(DatabaseComponent.Config.class.getClassLoader(),
                new Class<?>[] {DatabaseComponent.Config.class}, (proxy, method, args) ->
                        method.getName().equals("health_interval_seconds") ? 1 : method.getDefaultValue());
    }

    /** The unit tests' MariaDB; while {@code failure} holds an error, getting a connection throws it. */
    private static DataSource dataSource(AtomicReference<Error> failure) throws SQLException {
        MariaDbDataSource mariadb = new MariaDbDataSource(System.getProperty("callscore.test.db.url",
                "jdbc:mariadb://127.0.0.1:3306/callscore_unit"));
        mariadb.setUser(System.getProperty("callscore.test.db.user", "root"));
        mariadb.setPassword(System.getProperty("callscore.test.db.password", ""));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Error error = failure.get();
                    if (error != null && method.getName().equals("getConnection")) {
                        throw error;
                    }
                    try {
                        return method.invoke(mariadb, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("never happened: " + what).isLessThan(end);
            Thread.sleep(20);
        }
    }

    /** The component with the DataSource that DS would set, failing with {@code failure} while it is set. */
    private static DatabaseComponent component(AtomicReference<Error> failure) throws Exception {
        DatabaseComponent database = new DatabaseComponent();
        Field field = DatabaseComponent.class.getDeclaredField("dataSource");
        field.setAccessible(true);
        field.set(database, dataSource(failure));
        return database;
    }

    @Test
    void anErrorOutOfTheDataSourceDoesNotStopTheHealthChecks() throws Exception {
        AtomicReference<Error> failure = new AtomicReference<>(new OutOfMemoryError("injected: driver gone"));
        DatabaseComponent database = component(failure);

        database.activate(context(), config());
        try {
            until("a failed check", () -> tasks.size() == 1 && tasks.get(0).status().failures() > 0);
            assertThat(tasks.get(0).status().name()).isEqualTo("database-health-check");
            assertThat(tasks.get(0).status().lastCause()).get().asString().contains("injected: driver gone");
            assertThat(database.status().reachable()).isFalse();

            failure.set(null);
            database.checkNow();
            until("a check without error", () -> !tasks.get(0).status().failing());
            assertThat(database.status().reachable()).as("MariaDB found again").isTrue();
        } finally {
            database.deactivate();
        }
        assertThat(tasks).as("the task's service is gone with the component").isEmpty();
    }

    /** Before: a LinkageError out of the check left the earlier "reachable" standing, and modules kept writing. */
    @Test
    void aDriverGoneMidwayMakesTheDatabaseUnreachable() throws Exception {
        AtomicReference<Error> failure = new AtomicReference<>();
        DatabaseComponent database = component(failure);

        database.activate(context(), config());
        try {
            until("MariaDB reachable", () -> database.status().reachable());
            failure.set(new NoClassDefFoundError("org/mariadb/jdbc/Connection"));
            database.checkNow();
            until("the check sees the driver gone", () -> !database.status().reachable());
            assertThat(database.status().problem()).contains("org/mariadb/jdbc/Connection");
        } finally {
            database.deactivate();
        }
    }
}

package org.callscore.ami.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.callscore.ami.AmiEventListener;
import org.callscore.ami.AsteriskManager;
import org.callscore.storage.BackgroundTask;
import org.callscore.storage.TaskStatus;
import org.callscore.support.files.ModuleFiles;
import org.callscore.support.task.PeriodicTask;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One {@link AsteriskManager} per {@code etc/org.callscore.ami-NAME.cfg}. It registers the service itself, so
 * that the service property {@value AsteriskManager#SERVER} carries NAME even when the file does not say it,
 * and keeps the connection up on its task {@code ami-NAME}, shown in {@code callscore:status}.
 */
@Component(configurationPid = AsteriskManagerComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true) // it owns a connection and a thread, whether or not a module uses it
@Designate(ocd = AsteriskManagerComponent.Config.class, factory = true)
public class AsteriskManagerComponent {

    static final String FACTORY_PID = "org.callscore.ami";

    @ObjectClassDefinition(name = "CallScore Asterisk Manager (AMI) server",
            description = "One Asterisk server's Manager interface: one file etc/org.callscore.ami-NAME.cfg per server")
    @interface Config {

        @AttributeDefinition(name = "Server name", description = "The name other modules pick the server by; "
                + "empty: NAME of the file etc/org.callscore.ami-NAME.cfg")
        String server() default "";

        @AttributeDefinition(name = "Host", description = "Asterisk's manager address (manager.conf bindaddr)")
        String host() default "127.0.0.1";

        @AttributeDefinition(name = "Port", description = "Asterisk's manager port (manager.conf port)")
        int port() default 5038;

        @AttributeDefinition(name = "User", description = "The manager.conf user CallScore logs in as")
        String username() default "callscore";

        @AttributeDefinition(name = "Secret file", description = "The file holding that user's secret on its first "
                + "line, mode 0600 and owned by the Karaf user; relative paths are taken from Karaf's etc folder. "
                + "Empty: etc/callscore-ami-NAME.secret")
        String secret_file() default "";

        @AttributeDefinition(name = "Ping interval (s)",
                description = "How often an idle connection is checked with a Ping (AMI has no keep-alive)")
        int ping_interval_seconds() default 15;

        @AttributeDefinition(name = "Read time-out (s)", description = "How long Asterisk has to answer the login "
                + "and each Ping; a connection that does not answer in time is dropped and made again")
        int read_timeout_seconds() default 10;

        @AttributeDefinition(name = "First reconnect delay (s)",
                description = "The wait after a failed connection attempt; it doubles with each failure")
        int reconnect_min_seconds() default 1;

        @AttributeDefinition(name = "Longest reconnect delay (s)", description = "The wait it doubles up to")
        int reconnect_max_seconds() default 60;
    }

    private final List<AmiServer.Listener> listeners = new CopyOnWriteArrayList<>();
    private AmiServer server;
    private PeriodicTask supervisor;
    private ServiceRegistration<AsteriskManager> registration;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(AmiEventListener listener, Map<String, Object> properties) {
        listeners.add(new AmiServer.Listener(listener, events(properties.get(AmiEventListener.EVENTS))));
    }

    void removeListener(AmiEventListener listener) {
        listeners.removeIf(entry -> entry.listener() == listener);
    }

    @Activate
    void activate(BundleContext context, Config config, Map<String, Object> properties) {
        String name = serverName(config.server(), properties);
        Path secret = ModuleFiles.resolve("karaf.etc", "etc",
                config.secret_file().isBlank() ? "callscore-ami-" + name + ".secret" : config.secret_file());
        server = new AmiServer(new AmiServer.Settings(name, config.host(), config.port(), config.username(), secret,
                Duration.ofSeconds(Math.max(1, config.ping_interval_seconds())),
                Duration.ofSeconds(Math.max(1, config.read_timeout_seconds())),
                Duration.ofSeconds(Math.max(1, config.reconnect_min_seconds())),
                Duration.ofSeconds(Math.max(config.reconnect_min_seconds(), config.reconnect_max_seconds()))),
                () -> listeners);
        Hashtable<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put(AsteriskManager.SERVER, name);
        registration = context.registerService(AsteriskManager.class, server, serviceProperties);
        supervisor = PeriodicTask.start("ami-" + name, Duration.ZERO, server.settings().tick(), server::supervise,
                task -> BackgroundTask.register(context, task.name(), () -> task.status(TaskStatus::new))::unregister);
    }

    @Deactivate
    void deactivate() {
        supervisor.close();
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) { // NOPMD: the bundle is stopping and took it first
        }
        server.close();
    }

    /**
     * @return the configured name, else NAME of {@code org.callscore.ami-NAME.cfg} (Karaf's file install) or
     *         of the PID {@code org.callscore.ami~NAME}
     */
    static String serverName(String configured, Map<String, Object> properties) {
        if (!configured.isBlank()) {
            return configured.trim();
        }
        Object file = properties.get("felix.fileinstall.filename");
        if (file != null) {
            String fileName = Path.of(file.toString().replaceFirst("^file:", "")).getFileName().toString();
            String prefix = FACTORY_PID + "-";
            if (fileName.startsWith(prefix) && fileName.endsWith(".cfg")) {
                return fileName.substring(prefix.length(), fileName.length() - ".cfg".length());
            }
        }
        String pid = String.valueOf(properties.get("service.pid"));
        int tilde = pid.lastIndexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    /** @return the event names a listener asked for in its {@value AmiEventListener#EVENTS} property; empty: all */
    static Set<String> events(Object property) {
        if (property instanceof String one) {
            return Set.of(one);
        }
        if (property instanceof String[] many) {
            return Set.copyOf(Arrays.asList(many));
        }
        if (property instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}

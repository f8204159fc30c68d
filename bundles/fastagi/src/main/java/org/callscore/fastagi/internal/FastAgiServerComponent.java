package org.callscore.fastagi.internal;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.asteriskjava.fastagi.AgiScript;
import org.callscore.support.text.LogText;
import org.callscore.agi.AgiApplication;
import org.callscore.agi.FastAgiServer;
import org.osgi.framework.Constants;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server as a Declarative Services component: configuration from Config Admin (PID
 * {@value #PID}), AGI applications from the service registry (whiteboard).
 */
@Component(configurationPid = FastAgiServerComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true) // the listener serves Asterisk whether or not anything in Karaf uses the service
@Designate(ocd = FastAgiServerComponent.Config.class)
public class FastAgiServerComponent implements FastAgiServer {

    static final String PID = "org.callscore.fastagi";
    private static final Logger LOG = LoggerFactory.getLogger(FastAgiServerComponent.class);

    @ObjectClassDefinition(name = "CallScore FastAGI server",
            description = "Where CallScore listens for Asterisk's AGI(agi://...) requests")
    @interface Config {

        @AttributeDefinition(name = "Bind address",
                description = "IP address to listen on. FastAGI has no authentication: keep 127.0.0.1 unless "
                        + "Asterisk runs on another host, then use this host's address on the PBX network")
        String bind_address() default "127.0.0.1";

        @AttributeDefinition(name = "Port", description = "TCP port (Asterisk's FastAGI default is 4573)")
        int port() default 4573;

        @AttributeDefinition(name = "Allowed peers",
                description = "Asterisk addresses or CIDR blocks allowed to connect, comma-separated")
        String allowed_peers() default "127.0.0.1, ::1";

        @AttributeDefinition(name = "Maximum threads",
                description = "Sessions running at once; beyond this, sessions wait for a free thread "
                        + "(never refused)")
        int threads_max() default 4000;

        @AttributeDefinition(name = "Listen backlog",
                description = "Connections the kernel holds while the server accepts (capped by net.core.somaxconn)")
        int backlog() default 1024;

        @AttributeDefinition(name = "Request timeout (s)",
                description = "Time a new connection has to send its request; Asterisk sends it at once")
        int request_timeout_seconds() default 10;

        @AttributeDefinition(name = "Idle warning (s)",
                description = "Log once when a session has waited this long for Asterisk (0 = never). "
                        + "The session is never closed for being idle")
        int idle_warning_seconds() default 3600;

        @AttributeDefinition(name = "Application return window (s)",
                description = "A call for an AGI application that stopped less than this long ago (its module is "
                        + "being updated or restarted) waits for it to come back instead of failing at once "
                        + "(0 = fail at once)")
        int application_return_seconds() default 10;

        @AttributeDefinition(name = "Application wait (s)",
                description = "Longest a call waits for such an application; then AGISTATUS=FAILURE "
                        + "(0 = fail at once)")
        int application_wait_seconds() default 5;
    }

    private final ApplicationRegistry applications = new ApplicationRegistry();
    private FastAgiEngine engine;
    private volatile ServerSettings settings;

    @Activate
    void activate(Config config) {
        ServerSettings settings = ServerSettings.of(config.bind_address(), config.port(), config.allowed_peers(),
                config.threads_max(), config.backlog(), config.request_timeout_seconds(),
                config.idle_warning_seconds(), config.application_return_seconds(),
                config.application_wait_seconds());
        this.settings = settings;
        engine = new FastAgiEngine(settings, applications);
        engine.start();
    }

    @Deactivate
    void deactivate() {
        engine.close();
        applications.close(); // calls held for a returning application cannot reach the next configuration's
    }

    @Reference(service = AgiScript.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + AgiApplication.PROPERTY + "=*)")
    void addApplication(AgiScript application, Map<String, Object> properties) {
        Object name = properties.get(AgiApplication.PROPERTY);
        long serviceId = (Long) properties.get(Constants.SERVICE_ID);
        if (!(name instanceof String) || !ApplicationRegistry.VALID_NAME.matcher((String) name).matches()) {
            LOG.warn("Ignoring AGI application service {}: {}={} is not a valid name (letters, digits, '.', '_', "
                    + "'-')", serviceId, AgiApplication.PROPERTY, LogText.of(String.valueOf(name)));
            return;
        }
        applications.add((String) name, serviceId, ranking(properties), application);
        if (applications.registrationsOf((String) name) > 1) {
            LOG.warn("Several services provide AGI application '{}'; the highest service.ranking serves it", name);
        }
        LOG.info("AGI application '{}' registered", name);
    }

    void removeApplication(AgiScript application, Map<String, Object> properties) {
        Object name = properties.get(AgiApplication.PROPERTY);
        if (name instanceof String) {
            applications.remove((String) name, (Long) properties.get(Constants.SERVICE_ID));
            if (applications.registrationsOf((String) name) == 0) {
                ServerSettings current = settings;
                if (current == null || current.applicationReturn().isZero() || current.applicationWait().isZero()) {
                    LOG.info("AGI application '{}' unregistered; calls in flight finish, new calls get FAILURE", name);
                } else {
                    LOG.info("AGI application '{}' unregistered; calls in flight finish, new calls in the next {} s "
                            + "wait up to {} s for it to come back (else FAILURE)", name,
                            current.applicationReturn().toSeconds(), current.applicationWait().toSeconds());
                }
            } else {
                LOG.info("AGI application '{}': one service unregistered, another serves new calls", name);
            }
        }
    }

    private static int ranking(Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        return ranking instanceof Integer ? (Integer) ranking : 0;
    }

    @Override
    public Optional<InetSocketAddress> listeningOn() {
        return engine.listeningOn();
    }

    @Override
    public Optional<String> problem() {
        return engine.problem();
    }

    @Override
    public SortedSet<String> applications() {
        return applications.names();
    }

    @Override
    public Map<Counter, Long> counters() {
        return engine.counters();
    }
}

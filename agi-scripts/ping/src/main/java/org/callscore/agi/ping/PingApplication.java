package org.callscore.agi.ping;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.callscore.agi.AgiApplication;
import org.callscore.support.agi.HeldReference;
import org.callscore.support.bundle.CallPathClasses;
import org.callscore.storage.Database;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://127.0.0.1/ping)}: answers the channel, sets {@code CALLSCORE_VERSION} and
 * {@code CALLSCORE_DATABASE} (UP or DOWN), records the ping when the database is up, and returns.
 * A database that is down does not fail the ping: telling the administrator so is its job.
 */
@Component(service = AgiScript.class)
@AgiApplication("ping")
public class PingApplication implements AgiScript {

    static final String MODULE = "ping";
    private static final Logger LOG = LoggerFactory.getLogger(PingApplication.class);

    private final HeldReference<Database> database = new HeldReference<>();

    private String version;

    @Activate
    void activate(BundleContext context) {
        version = context.getBundle().getVersion().toString();
        CallPathClasses.load(context.getBundle());
    }

    @Deactivate
    void deactivate() {
        database.hold();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindDatabase(Database service) {
        database.bind(service);
    }

    void unbindDatabase(Database service) {
        database.unbind(service);
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        // taken once: a call in flight keeps its database even if this component is stopped meanwhile
        Database db = database.get().orElse(null);
        channel.answer();
        channel.setVariable("CALLSCORE_VERSION", version);
        boolean recorded = record(db, request);
        channel.setVariable("CALLSCORE_DATABASE", recorded ? "UP" : "DOWN");
    }

    private static boolean record(Database db, AgiRequest request) {
        if (db == null || !db.isReady(MODULE)) {
            return false;
        }
        try {
            db.jdbi().useHandle(handle -> handle.createUpdate(
                    "INSERT INTO ping_log (asterisk_version, channel, uniqueid) VALUES (:version, :channel, :uniqueid)")
                    .bind("version", request.getRequest().get("version"))
                    .bind("channel", request.getChannel())
                    .bind("uniqueid", request.getUniqueId())
                    .execute());
            return true;
        } catch (RuntimeException e) {
            LOG.debug("ping not recorded: {}", e.getMessage());
            db.checkNow(); // the status the administrator sees should catch up at once
            return false;
        }
    }
}

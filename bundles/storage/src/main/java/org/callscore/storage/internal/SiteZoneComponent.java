package org.callscore.storage.internal;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.callscore.site.SiteZone;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SiteZone} of {@code etc/org.callscore.site.cfg}. A change applies without a restart (@Modified), so
 * the modules reading it are not stopped; a zone that does not exist is an ERROR and changes nothing.
 */
@Component(configurationPid = SiteZone.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SiteZoneComponent.Config.class)
public class SiteZoneComponent implements SiteZone {

    private static final Logger LOG = LoggerFactory.getLogger(SiteZoneComponent.class);

    @ObjectClassDefinition(name = "CallScore site", description = "Settings every CallScore module shares")
    @interface Config {

        @AttributeDefinition(name = "Time zone", description = "The call centre's time zone (e.g. Europe/Berlin): "
                + "business hours, report days and score periods; empty: the zone of the machine Karaf runs on")
        String zone() default "";
    }

    private volatile ZoneId zone;

    @Activate
    void activate(Config config) {
        zone = chosen(config.zone(), ZoneId.systemDefault());
        LOG.info("Site time zone {}{}", zone, config.zone().isBlank() ? " (this machine's; zone in " + SiteZone.PID
                + ".cfg is empty)" : "");
    }

    @Modified
    void modified(Config config) {
        ZoneId next = chosen(config.zone(), zone);
        if (!next.equals(zone)) {
            LOG.info("Site time zone changed from {} to {}", zone, next);
        }
        zone = next;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    /** @return the configured zone, the machine's when empty, {@code kept} when it is not a zone */
    private static ZoneId chosen(String configured, ZoneId kept) {
        if (configured.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(configured.trim());
        } catch (DateTimeException e) {
            LOG.error("zone '{}' in etc/{}.cfg is not a time zone (a name such as Europe/Berlin or UTC): {}; the "
                    + "site time zone stays {}", configured, SiteZone.PID, e.getMessage(), kept);
            return kept;
        }
    }
}

package org.callscore.site;

import java.time.ZoneId;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The call centre's time zone ({@code zone} in {@code etc/org.callscore.site.cfg}; empty: the zone of the machine
 * Karaf runs on). It can change while CallScore runs: read {@link #zone()} where it is used rather than keeping it.
 */
@ProviderType
public interface SiteZone {

    /** The Config Admin PID of the setting. */
    String PID = "org.callscore.site";

    /** @return the site's zone now; never null */
    ZoneId zone();

    /**
     * The one rule for a module whose reference to this service is optional: while there is no service (storage
     * stopping or being updated), the zone of this machine, as an empty setting means.
     *
     * @param site the service, or null while there is none
     * @return the site's zone now
     */
    static ZoneId of(SiteZone site) {
        return site == null ? ZoneId.systemDefault() : site.zone();
    }
}

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
}

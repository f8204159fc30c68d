package org.callscore.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteZoneComponentTest {

    private static SiteZoneComponent.Config zone(String value) {
        return (SiteZoneComponent.Config) Proxy.newProxyInstance(SiteZoneComponentTest.class.getClassLoader(),
                new Class<?>[] {SiteZoneComponent.Config.class}, (proxy, method, args) -> {
                    if (method.getName().equals("zone")) {
                        return value;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** @return the zone a test expects: empty for this machine's */
    private static ZoneId expected(String zone) {
        return zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    /** The zone set at start, and the site's zone then: an empty or invalid setting is this machine's zone. */
    @ParameterizedTest(name = "''{0}'' is ''{1}''")
    @CsvSource({"'', ''", "' Pacific/Kiritimati ', Pacific/Kiritimati", "Europe/Atlantis, ''"})
    void theConfiguredZoneIsTheSitesElseTheMachines(String configured, String zone) {
        SiteZoneComponent site = new SiteZoneComponent();
        site.activate(zone(configured));

        assertThat(site.zone()).isEqualTo(expected(zone));
    }

    /** A change while running applies at once (empty: this machine's zone); an invalid one keeps the zone in use. */
    @ParameterizedTest(name = "{0}, then ''{1}'': {2}")
    @CsvSource({"Europe/Berlin, Asia/Kathmandu, Asia/Kathmandu", "Asia/Kathmandu, '', ''",
            "Asia/Kathmandu, Berlin, Asia/Kathmandu", "Asia/Kathmandu, +25:00, Asia/Kathmandu"})
    void aChangeWhileRunningAppliesAtOnceUnlessItIsInvalid(String before, String change, String zone) {
        SiteZoneComponent site = new SiteZoneComponent();
        site.activate(zone(before));

        site.modified(zone(change));

        assertThat(site.zone()).isEqualTo(expected(zone));
    }
}

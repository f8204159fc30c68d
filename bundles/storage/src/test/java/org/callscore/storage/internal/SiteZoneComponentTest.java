package org.callscore.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

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

    @Test
    void anEmptySettingIsTheMachinesZone() {
        SiteZoneComponent site = new SiteZoneComponent();
        site.activate(zone(""));

        assertThat(site.zone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void theConfiguredZoneIsTheSites() {
        SiteZoneComponent site = new SiteZoneComponent();
        site.activate(zone(" Pacific/Kiritimati "));

        assertThat(site.zone()).isEqualTo(ZoneId.of("Pacific/Kiritimati"));
    }

    @Test
    void anInvalidZoneAtStartIsTheMachinesZone() {
        SiteZoneComponent site = new SiteZoneComponent();
        site.activate(zone("Europe/Atlantis"));

        assertThat(site.zone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void aChangeWhileRunningAppliesAtOnce() {
        SiteZoneComponent site = new SiteZoneComponent();
        site.activate(zone("Europe/Berlin"));

        site.modified(zone("Asia/Kathmandu"));

        assertThat(site.zone()).isEqualTo(ZoneId.of("Asia/Kathmandu"));
        site.modified(zone(""));
        assertThat(site.zone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void anInvalidChangeKeepsTheZoneInUse() {
        SiteZoneComponent site = new SiteZoneComponent();
        site.activate(zone("Asia/Kathmandu"));

        site.modified(zone("Berlin"));
        assertThat(site.zone()).isEqualTo(ZoneId.of("Asia/Kathmandu"));
        site.modified(zone("+25:00"));
        assertThat(site.zone()).isEqualTo(ZoneId.of("Asia/Kathmandu"));
    }
}

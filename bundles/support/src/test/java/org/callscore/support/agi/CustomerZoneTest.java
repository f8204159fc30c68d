package org.callscore.support.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.ZoneId;

import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.junit.jupiter.api.Test;

class CustomerZoneTest {

    /** A request whose only parameter is {@code zone}, as the dialplan gives it (null: not given). */
    private static AgiRequest zone(String zone) {
        return (AgiRequest) Proxy.newProxyInstance(CustomerZoneTest.class.getClassLoader(),
                new Class<?>[] {AgiRequest.class},
                (proxy, method, args) -> method.getName().equals("getParameter") && "zone".equals(args[0]) ? zone
                        : null);
    }

    @Test
    void aTimeZoneNameIsTheCustomersZone() throws AgiException {
        assertThat(CustomerZone.of("callback", zone("America/New_York"))).contains(ZoneId.of("America/New_York"));
    }

    @Test
    void noZoneOrAnEmptyOneLeavesTheSitesZone() throws AgiException {
        assertThat(CustomerZone.of("callback", zone(null))).isEmpty();
        assertThat(CustomerZone.of("callback", zone(""))).isEmpty();
    }

    @Test
    void whatIsNoTimeZoneIsRefusedNamingTheApplicationAndTheParameter() {
        assertThatThrownBy(() -> CustomerZone.of("voicemail", zone("Mars/Olympus\n")))
                .isInstanceOf(AgiException.class)
                .hasMessageStartingWith("voicemail: zone 'Mars/Olympus")
                .hasMessageEndingWith("' is not a time zone (e.g. Europe/Paris)")
                .hasMessageNotContaining("\n");
    }
}

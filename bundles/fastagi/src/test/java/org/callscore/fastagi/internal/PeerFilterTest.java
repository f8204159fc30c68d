package org.callscore.fastagi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class PeerFilterTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void matchesAddressesAndCidrBlocks() throws Exception {
        PeerFilter filter = PeerFilter.parse("127.0.0.1, 10.20.0.0/16 192.168.1.128/25,::1");

        assertThat(filter.allows(ip("127.0.0.1"))).isTrue();
        assertThat(filter.allows(ip("127.0.0.2"))).isFalse();
        assertThat(filter.allows(ip("10.20.255.1"))).isTrue();
        assertThat(filter.allows(ip("10.21.0.1"))).isFalse();
        assertThat(filter.allows(ip("192.168.1.200"))).isTrue();
        assertThat(filter.allows(ip("192.168.1.127"))).isFalse();
        assertThat(filter.allows(ip("::1"))).isTrue();
        assertThat(filter.allows(ip("::2"))).isFalse();
    }

    @Test
    void zeroPrefixAllowsEveryAddressOfThatFamilyOnly() throws Exception {
        PeerFilter filter = PeerFilter.parse("0.0.0.0/0");

        assertThat(filter.allows(ip("203.0.113.9"))).isTrue();
        assertThat(filter.allows(ip("::1"))).isFalse();
    }

    @Test
    void refusesHostNamesBadPrefixesAndEmptyLists() {
        assertThatThrownBy(() -> PeerFilter.parse("pbx.example.com"))
                .hasMessageContaining("'pbx.example.com' is not an IP address or CIDR block");
        assertThatThrownBy(() -> PeerFilter.parse("10.0.0.0/33")).hasMessageContaining("prefix length outside 0..32");
        assertThatThrownBy(() -> PeerFilter.parse(" , ")).hasMessageContaining("allowed.peers is empty");
    }
}

package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsteriskServerTest {

    @Test
    void theDialplansNameComesFirst() throws UnknownHostException {
        assertThat(AsteriskServer.of("pbx-1.example.com", InetAddress.getByName("192.0.2.7")))
                .isEqualTo("pbx-1.example.com");
    }

    @Test
    void withoutOneTheAddressAsteriskConnectsFromNamesTheFolder() throws UnknownHostException {
        assertThat(AsteriskServer.of(" ", InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
        assertThat(AsteriskServer.of(null, null)).isEqualTo("asterisk");
    }

    @Test
    void anIpv6AddressBecomesAValidName() throws UnknownHostException {
        String loopback = AsteriskServer.of(null, InetAddress.getByName("::1"));
        assertThat(loopback).isEqualTo("0-0-0-0-0-0-0-1");
        assertThat(AsteriskServer.isValid(loopback)).isTrue();
        assertThat(AsteriskServer.isValid(AsteriskServer.of("", InetAddress.getByName("2001:db8::42")))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".hidden", "pbx/1", "pbx 1", "pbx;1", "-pbx"})
    void aNameThatAShellOrAUrlWouldReadIsRefused(String name) {
        assertThat(AsteriskServer.isValid(name)).isFalse();
        assertThatThrownBy(() -> AsteriskServer.of(name, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("server= must be");
    }

    @Test
    void sixtyFourCharactersAreTheMost() {
        assertThat(AsteriskServer.isValid("p".repeat(64))).isTrue();
        assertThat(AsteriskServer.isValid("p".repeat(65))).isFalse();
    }
}

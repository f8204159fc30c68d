package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void writtenOutAddressesAreRead() throws Exception {
        assertThat(IpLiteral.parse("127.0.0.1")).contains(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        assertThat(IpLiteral.parse("0.0.0.0")).isPresent();
        assertThat(IpLiteral.parse("::1")).contains(InetAddress.getByName("::1"));
        assertThat(IpLiteral.parse("fe80::1")).isPresent();
        assertThat(IpLiteral.parse("::ffff:10.0.0.1")).isPresent();
    }

    @Test
    void hostNamesAndOtherTextAreRefusedWithoutAskingDns() {
        assertThat(new String[] {"localhost", "pbx.example.com", "bad.cafe", "cafe", "1234", "", "256.1.1.1",
            "1.2.3", "01.2.3.4", "1:2:3:4:5:6:7:8:9", "[::1]", "127.0.0.1 ", "127.0.0.1/8"})
                .allMatch(text -> IpLiteral.parse(text).isEmpty());
        assertThat(IpLiteral.parse(null)).isEmpty();
    }
}

package org.callscore.support.rules;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address written out ({@code 127.0.0.1}, {@code ::1}), never a host name: a name would tie
 * start-up or every accepted connection to DNS.
 */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]"
            + "|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiteral() {
    }

    /** @return the address {@code text} writes out, empty when it is not one; DNS is never asked */
    public static Optional<InetAddress> parse(String text) {
        // InetAddress would look up as a host name any text that is not a literal it knows, "256.1.1.1" included
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal (a colon: IPv6, never a look-up)
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}

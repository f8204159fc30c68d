package org.callscore.support.rules;

import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * The name of the Asterisk server a FastAGI call comes from, as the recording index files its recordings under: the
 * dialplan's {@code server=} parameter, else the address Asterisk connects from. Letters, digits, {@code .},
 * {@code _} and {@code -}, at most 64: a folder name that no shell or URL reads as syntax.
 */
public final class AsteriskServer {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private AsteriskServer() {
    }

    /**
     * @param given the {@code server=} parameter, may be null or blank
     * @param from  the address Asterisk connects from, may be null
     * @throws IllegalArgumentException when {@code given} is not such a name
     */
    public static String of(String given, InetAddress from) {
        if (given != null && !given.isBlank()) {
            if (!isValid(given)) {
                throw new IllegalArgumentException("server= must be letters, digits, '.', '_' or '-', at most 64");
            }
            return given;
        }
        // an IPv6 address's colons and scope sign are not in a folder name
        return from == null ? "asterisk" : from.getHostAddress().replaceAll("[^A-Za-z0-9.]", "-");
    }

    /** @return whether {@code name} is such a name */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}

package org.callscore.support.rules;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.callscore.support.text.LogText;

/**
 * The name of this CallScore node in the claims and leases of the diallers that share one database: the
 * {@code node} setting, else the host name. At most 64 characters, the width of the lease columns: a longer one
 * would fail every claim, and cutting it could give two nodes one name.
 */
public final class NodeName {

    public static final int MAX_LENGTH = 64;

    private NodeName() {
    }

    /**
     * @param configured the {@code node} setting; blank: the host name (its first label if the whole is too long)
     * @throws IllegalArgumentException when the setting is too long or has a control character, or the host name
     *                                  is too long even without its domain
     */
    public static String of(String configured) {
        return of(configured, NodeName::hostName);
    }

    static String of(String configured, Supplier<String> hostName) {
        if (configured != null && !configured.isBlank()) {
            String name = configured.strip();
            if (name.length() > MAX_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("node: at most " + MAX_LENGTH
                        + " characters and no control character, not '" + LogText.of(name) + "'");
            }
            return name;
        }
        String host = hostName.get();
        int domain = host.indexOf('.');
        if (host.length() > MAX_LENGTH && domain >= 0) {
            host = host.substring(0, domain);
        }
        if (host.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("node: the host name is longer than " + MAX_LENGTH
                    + " characters; set node to this node's name");
        }
        return host;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "callscore";
        }
    }
}

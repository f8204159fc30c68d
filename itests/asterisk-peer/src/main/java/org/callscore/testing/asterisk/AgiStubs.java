package org.callscore.testing.asterisk;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.Map;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;

/**
 * An asterisk-java request and channel answered from maps, for unit tests of an AGI application that need no
 * connection (the peer is for those that do): every other method does nothing and answers null. Like
 * {@link ServedCall}, only for tests that have asterisk-java.
 */
public final class AgiStubs {

    private AgiStubs() {
    }

    /**
     * @param callerIdNumber null as for a caller without a number (Asterisk's "unknown")
     * @param parameters what getParameter answers, by name
     */
    public static AgiRequest request(String uniqueId, InetAddress remoteAddress, String callerIdNumber,
            Map<String, String> parameters) {
        return (AgiRequest) Proxy.newProxyInstance(AgiRequest.class.getClassLoader(), new Class<?>[] {AgiRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUniqueId" -> uniqueId;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getRemoteAddress" -> remoteAddress;
                    case "getCallerIdNumber" -> callerIdNumber;
                    default -> null;
                });
    }

    /** @param variables what getVariable reads and setVariable writes, by name */
    public static AgiChannel channel(Map<String, String> variables) {
        return (AgiChannel) Proxy.newProxyInstance(AgiChannel.class.getClassLoader(), new Class<?>[] {AgiChannel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable" -> variables.get((String) args[0]);
                    case "setVariable" -> variables.put((String) args[0], (String) args[1]);
                    default -> null;
                });
    }
}

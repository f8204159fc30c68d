package org.callscore.reports.web.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/** Sessions and requests as far as the web code uses them. */
final class Fakes {

    private Fakes() {
    }

    static final class Session {
        final Map<String, Object> attributes = new HashMap<>();
        boolean invalid;
        int timeout;
        final HttpSession proxy = (HttpSession) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {HttpSession.class}, (self, method, args) -> {
                    if (invalid && !method.getName().equals("toString")) {
                        throw new IllegalStateException("invalidated");
                    }
                    return switch (method.getName()) {
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]) == null ? null : null;
                        case "invalidate" -> {
                            invalid = true;
                            yield null;
                        }
                        case "setMaxInactiveInterval" -> {
                            timeout = (Integer) args[0];
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    /** A request whose session is {@code current}; getSession(true) makes a new one when it is null or invalid. */
    static final class Request {
        Session current;
        final HttpServletRequest proxy = (HttpServletRequest) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (self, method, args) -> {
                    if (method.getName().equals("getSession")) {
                        boolean create = args == null || (Boolean) args[0];
                        if ((current == null || current.invalid) && create) {
                            current = new Session();
                        }
                        return current == null || current.invalid ? null : current.proxy;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

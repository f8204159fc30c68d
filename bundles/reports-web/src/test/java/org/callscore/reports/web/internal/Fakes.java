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

    /** A GET of {@code servletPath + pathInfo} with the parameters, and no session. */
    static javax.servlet.http.HttpServletRequest get(String servletPath, String pathInfo, Map<String, String[]> parameters) {
        return (javax.servlet.http.HttpServletRequest) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {javax.servlet.http.HttpServletRequest.class}, (self, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getParameterMap" -> {
                        if (parameters == null) { // as Jetty does for ?from=%zz
                            throw new IllegalArgumentException("Unable to parse URI query");
                        }
                        yield parameters;
                    }
                    case "getSession" -> null;
                    case "getRequestURI" -> "/callscore" + servletPath + pathInfo;
                    case "getContextPath" -> "/callscore";
                    case "getRemoteAddr" -> "10.0.0.9";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** What a servlet answered: status, headers, body. */
    static final class Response {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        final javax.servlet.http.HttpServletResponse proxy = (javax.servlet.http.HttpServletResponse) Proxy
                .newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {javax.servlet.http.HttpServletResponse.class},
                        (self, method, args) -> {
                            switch (method.getName()) {
                                case "setStatus" -> status = (Integer) args[0];
                                case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                                case "setContentLength", "setCharacterEncoding", "reset", "resetBuffer" -> {
                                }
                                case "isCommitted" -> {
                                    return false;
                                }
                                case "getOutputStream" -> {
                                    return new javax.servlet.ServletOutputStream() {
                                        @Override
                                        public void write(int b) {
                                            body.write(b);
                                        }

                                        @Override
                                        public boolean isReady() {
                                            return true;
                                        }

                                        @Override
                                        public void setWriteListener(javax.servlet.WriteListener listener) {
                                        }
                                    };
                                }
                                default -> throw new UnsupportedOperationException(method.getName());
                            }
                            return null;
                        });

        String text() {
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}

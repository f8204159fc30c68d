package org.callscore.reports.web.internal;

import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Logs in to a JAAS realm of Karaf ({@code karaf}: the users of etc/users.properties, or whatever login modules
 * the site configured for it) and reads the user's roles from the subject's role principals.
 * <p>
 * Karaf's realms are entries of the JAAS configuration Karaf installs; their login module class
 * ({@code org.apache.karaf.jaas.boot.ProxyLoginModule}) is on the system class path (lib/boot), and
 * {@link LoginContext} loads it through the context class loader, so the login runs with the system class
 * loader as context class loader.
 */
final class JaasAuthenticator implements Authenticator {

    /** The principal class of roles in Karaf's realms (groups' roles included). */
    static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";

    private final String realm;

    JaasAuthenticator(String realm) {
        this.realm = realm;
    }

    @Override
    public Set<String> login(String user, char[] password) throws LoginException {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            context.login();
            Set<String> roles = roles(subject.getPrincipals());
            context.logout(); // the web session, not the JAAS subject, keeps the user logged in
            return roles;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static Set<String> roles(Set<Principal> principals) {
        Set<String> roles = new TreeSet<>();
        for (Principal principal : principals) {
            if (ROLE_PRINCIPAL.equals(principal.getClass().getName())) {
                roles.add(principal.getName());
            }
        }
        return roles;
    }

    private static void answer(Callback[] callbacks, String user, char[] password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}

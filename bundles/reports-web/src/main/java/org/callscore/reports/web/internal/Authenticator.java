package org.callscore.reports.web.internal;

import java.util.Set;

import javax.security.auth.login.LoginException;

/** Checks a user name and password against a user realm. */
interface Authenticator {

    /**
     * @return the user's roles
     * @throws LoginException when the realm refuses the user or password (or cannot be reached)
     */
    Set<String> login(String user, char[] password) throws LoginException;
}

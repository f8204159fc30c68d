package org.apache.karaf.jaas.boot.principal;

import java.security.Principal;

/** Stands in for Karaf's role principal (same class name) in the login tests. */
public final class RolePrincipal implements Principal {

    private final String name;

    public RolePrincipal(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }
}

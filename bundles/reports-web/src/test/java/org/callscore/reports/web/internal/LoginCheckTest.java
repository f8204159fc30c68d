package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.jupiter.api.Test;

class LoginCheckTest {

    private final List<Duration> slept = new ArrayList<>();
    private char[] seenPassword;

    /** ann/secret has the reports role, bob/secret only viewer */
    private final Authenticator realm = (user, password) -> {
        seenPassword = password;
        if (!"secret".equals(new String(password))) {
            throw new FailedLoginException("Password for " + user + " does not match");
        }
        return switch (user) {
            case "ann" -> Set.of("callscore-reports");
            case "bob" -> Set.of("viewer");
            default -> throw new FailedLoginException("User " + user + " does not exist");
        };
    };

    private final LoginCheck check = new LoginCheck(realm, Set.of("admin", "callscore-reports"),
            Duration.ofMillis(1000), slept::add);

    @Test
    void letsInAUserTheRealmAcceptsWithAnAllowedRoleAtOnce() {
        char[] password = "secret".toCharArray();

        assertThat(check.check("ann", password, "127.0.0.1")).contains("ann");
        assertThat(slept).isEmpty();
        assertThat(password).containsOnly('\0');
    }

    @Test
    void refusesWrongPasswordsUnknownUsersAndMissingRolesAlikeAfterTheDelay() {
        assertThat(check.check("ann", "wrong".toCharArray(), "10.0.0.1")).isEmpty();
        assertThat(check.check("zed", "secret".toCharArray(), "10.0.0.1")).isEmpty();
        assertThat(check.check("bob", "secret".toCharArray(), "10.0.0.1")).isEmpty();
        assertThat(check.check("", "secret".toCharArray(), "10.0.0.1")).isEmpty();
        assertThat(check.check("ann", new char[0], "10.0.0.1")).isEmpty();
        assertThat(check.check("a".repeat(201), "secret".toCharArray(), "10.0.0.1")).isEmpty();

        assertThat(slept).hasSize(6).containsOnly(Duration.ofMillis(1000));
        assertThat(seenPassword).containsOnly('\0'); // cleared after the realm saw it
    }

    @Test
    void aFailingRealmIsARefusalNotAnError() {
        LoginCheck broken = new LoginCheck((user, password) -> {
            throw new IllegalStateException("realm down");
        }, Set.of("admin"), Duration.ZERO, slept::add);

        assertThat(broken.check("ann", "secret".toCharArray(), "10.0.0.1")).isEmpty();
    }

    @Test
    void rolesAreKarafsRolePrincipalsOnly() {
        Principal user = () -> "ann";
        assertThat(JaasAuthenticator.roles(Set.of(user, new RolePrincipal("admin"), new RolePrincipal("viewer"))))
                .containsExactly("admin", "viewer");
    }

    @Test
    void logsInThroughTheJaasConfigurationAndReadsTheRoles() throws Exception {
        Configuration previous = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return "test-realm".equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        TestLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of())} : null;
            }
        });
        try {
            JaasAuthenticator jaas = new JaasAuthenticator("test-realm");

            assertThat(jaas.login("ann", "secret".toCharArray())).containsExactly("callscore-reports");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jaas.login("ann", "nope".toCharArray()))
                    .isInstanceOf(LoginException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JaasAuthenticator("no-such-realm")
                    .login("ann", "secret".toCharArray())).isInstanceOf(LoginException.class);
        } finally {
            Configuration.setConfiguration(previous);
        }
    }

    /** ann/secret, role callscore-reports */
    public static final class TestLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private boolean ok;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            ok = "ann".equals(name.getName()) && "secret".equals(new String(password.getPassword()));
            if (!ok) {
                throw new FailedLoginException("no");
            }
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new RolePrincipal("callscore-reports"));
            return ok;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            subject.getPrincipals().clear();
            return true;
        }
    }
}

package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    /** a clock the test moves */
    private Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    /** 10 failures in a row lock a user, 30 an address, for 15 minutes */
    private final LoginThrottle throttle = new LoginThrottle(10, 30, Duration.ofMinutes(15), clock);
    private final LoginCheck check = new LoginCheck(realm, Set.of("admin", "callscore-reports"),
            Duration.ofMillis(1000), slept::add, throttle);
    private final List<String> asked = new ArrayList<>();

    @Test
    void letsInAUserTheRealmAcceptsWithAnAllowedRoleAtOnce() {
        char[] password = "secret".toCharArray();

        LoginCheck.Login login = check.check("ann", password, "127.0.0.1");

        assertThat(login.outcome()).isEqualTo(LoginCheck.Outcome.LOGGED_IN);
        assertThat(login.roles()).containsExactly("callscore-reports");
        assertThat(slept).isEmpty();
        assertThat(password).containsOnly('\0');
    }

    @Test
    void refusesWrongPasswordsUnknownUsersAndMissingRolesAlikeAfterTheDelay() {
        LoginCheck.Outcome refused = LoginCheck.Outcome.REFUSED;
        assertThat(check.check("ann", "wrong".toCharArray(), "10.0.0.1").outcome()).isEqualTo(refused);
        assertThat(check.check("zed", "secret".toCharArray(), "10.0.0.1").outcome()).isEqualTo(refused);
        assertThat(check.check("bob", "secret".toCharArray(), "10.0.0.1").outcome()).isEqualTo(refused);
        assertThat(check.check("", "secret".toCharArray(), "10.0.0.1").outcome()).isEqualTo(refused);
        assertThat(check.check("ann", new char[0], "10.0.0.1").outcome()).isEqualTo(refused);
        assertThat(check.check("a".repeat(201), "secret".toCharArray(), "10.0.0.1").outcome()).isEqualTo(refused);

        assertThat(slept).hasSize(6).containsOnly(Duration.ofMillis(1000));
        assertThat(seenPassword).containsOnly('\0'); // cleared after the realm saw it
    }

    @Test
    void aFailingRealmIsARefusalNotAnError() {
        LoginCheck broken = new LoginCheck((user, password) -> {
            throw new IllegalStateException("realm down");
        }, Set.of("admin"), Duration.ZERO, slept::add, throttle);

        assertThat(broken.check("ann", "secret".toCharArray(), "10.0.0.1").outcome()).isEqualTo(LoginCheck.Outcome.REFUSED);
    }

    /** the realm as above, remembering whom it was asked about */
    private LoginCheck counting() {
        return new LoginCheck((user, password) -> {
            asked.add(user);
            return realm.login(user, password);
        }, Set.of("callscore-reports"), Duration.ofMillis(1000), slept::add, throttle);
    }

    @Test
    void twentyWrongPasswordsInARowLockTheUserEvenAgainstTheRightPasswordUntilTheLockEnds() {
        LoginCheck check = counting();
        for (int i = 1; i <= 20; i++) {
            // from different addresses: the lock is the user's
            assertThat(check.check("ann", ("guess" + i).toCharArray(), "10.0.1." + i).outcome()).as("guess " + i)
                    .isEqualTo(i <= 10 ? LoginCheck.Outcome.REFUSED : LoginCheck.Outcome.LOCKED_OUT);
        }
        assertThat(asked).hasSize(10); // the realm is not asked during the lock
        assertThat(slept).hasSize(20);

        assertThat(check.check("ann", "secret".toCharArray(), "10.0.2.1").outcome()).isEqualTo(LoginCheck.Outcome.LOCKED_OUT);
        assertThat(check.check("bob2", "secret".toCharArray(), "10.0.2.1").outcome()).isEqualTo(LoginCheck.Outcome.REFUSED);

        now = now.plus(Duration.ofMinutes(15));
        assertThat(check.check("ann", "secret".toCharArray(), "10.0.2.1").outcome()).isEqualTo(LoginCheck.Outcome.LOGGED_IN);
    }

    @Test
    void oneAddressGuessingManyUsersIsLockedAndOtherAddressesAreNot() {
        LoginCheck check = counting();
        for (int i = 1; i <= 30; i++) {
            assertThat(check.check("user" + i, "secret".toCharArray(), "192.0.2.7").outcome()).isEqualTo(LoginCheck.Outcome.REFUSED);
        }
        assertThat(check.check("ann", "secret".toCharArray(), "192.0.2.7").outcome()).isEqualTo(LoginCheck.Outcome.LOCKED_OUT);
        assertThat(check.check("ann", "secret".toCharArray(), "192.0.2.8").outcome()).isEqualTo(LoginCheck.Outcome.LOGGED_IN);
        assertThat(asked).hasSize(31);
    }

    @Test
    void aSuccessEndsTheUsersRunOfFailuresAndFailuresFarApartAreNotARun() {
        LoginCheck check = counting();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 9; i++) {
                assertThat(check.check("ann", "wrong".toCharArray(), "10.0.3." + round).outcome()).isEqualTo(LoginCheck.Outcome.REFUSED);
            }
            assertThat(check.check("ann", "secret".toCharArray(), "10.0.3." + round).outcome()).isEqualTo(LoginCheck.Outcome.LOGGED_IN);
        }
        for (int i = 0; i < 12; i++) {
            now = now.plus(Duration.ofMinutes(16)); // each failure long after the one before
            assertThat(check.check("bob", "wrong".toCharArray(), "10.0.4." + i).outcome()).isEqualTo(LoginCheck.Outcome.REFUSED);
        }
    }

    @Test
    void theThrottleKeepsABoundedNumberOfNamesAndKeepsLocksOverOthers() {
        LoginThrottle small = new LoginThrottle(2, 0, Duration.ofMinutes(15), clock, 4);
        small.failed("ann", "a");
        small.failed("ann", "a"); // locked
        for (int i = 0; i < 10; i++) {
            small.failed("user" + i, "a");
        }
        assertThat(small.tracked()).isLessThanOrEqualTo(4);
        assertThat(small.lockedUntil("ann", "b")).contains(now.plus(Duration.ofMinutes(15)));
        assertThat(small.lockedUntil("zed", "a")).isEmpty(); // 0: no lock by address
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

package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import javax.servlet.http.HttpSession;

import org.callscore.reports.web.internal.WebSession.Access;
import org.callscore.support.web.DashboardSession;
import org.junit.jupiter.api.Test;

class WebSessionTest {

    private static final Set<String> REPORT_ROLES = Set.of("admin", "callscore-reports");

    /** What each of {@code paths} gets from {@code session}: {@code expected}. */
    private static void assertAccess(HttpSession session, Access expected, String... paths) {
        for (String path : paths) {
            assertThat(WebSession.access(path, session, REPORT_ROLES)).as(path).isEqualTo(expected);
        }
    }

    @Test
    void withoutALoggedInSessionOnlyTheLoginPageIsServed() {
        Fakes.Session anonymous = new Fakes.Session();

        for (var session : new HttpSession[] {null, anonymous.proxy}) {
            assertAccess(session, Access.ALLOW, "/login", "/login.css");
            assertAccess(session, Access.LOGIN_PAGE, "/", "/dashboard.js", "/logout", "/login/x");
            assertAccess(session, Access.UNAUTHORIZED, "/api/service", "/export/service.xlsx");
        }
    }

    @Test
    void aLoggedInSessionReachesEverything() {
        Fakes.Request request = new Fakes.Request();
        DashboardSession.logIn(request.proxy, "ann", Set.of("callscore-reports"), 60);
        Fakes.Session session = request.current;

        assertAccess(session.proxy, Access.ALLOW, "/api/service", "/");
        session.invalid = true;
        assertAccess(session.proxy, Access.UNAUTHORIZED, "/api/service");
    }

    @Test
    void aUserWithoutAReportRoleReachesOnlyTheCallbackPages() {
        Fakes.Request request = new Fakes.Request();
        DashboardSession.logIn(request.proxy, "Agent One", Set.of("callscore-agent"), 60);
        var session = request.current.proxy;

        assertAccess(session, Access.ALLOW, "/callbacks", "/callbacks/agent.js", "/logout");
        assertAccess(session, Access.CALLBACKS_PAGE, "/");
        assertAccess(session, Access.FORBIDDEN, "/api/service", "/export/service.xlsx", "/callbacksx");
    }

    @Test
    void theFormTokenIsRandomPerSessionAndComparedExactly() {
        Fakes.Session one = new Fakes.Session();
        Fakes.Session two = new Fakes.Session();

        String token = DashboardSession.csrfToken(one.proxy);

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(DashboardSession.csrfToken(one.proxy)).isEqualTo(token);
        assertThat(DashboardSession.csrfToken(two.proxy)).isNotEqualTo(token);
        assertThat(DashboardSession.validToken(one.proxy, token)).isTrue();
        assertThat(DashboardSession.validToken(two.proxy, token)).isFalse();
        assertThat(DashboardSession.validToken(one.proxy, token.substring(1))).isFalse();
        assertThat(DashboardSession.validToken(one.proxy, null)).isFalse();
        assertThat(DashboardSession.validToken(null, token)).isFalse();
        assertThat(DashboardSession.validToken(new Fakes.Session().proxy, "")).isFalse();
    }

    @Test
    void loggingInReplacesTheSessionSoAPlantedIdIsWorthNothing() {
        Fakes.Request request = new Fakes.Request();
        request.current = new Fakes.Session();
        Fakes.Session beforeLogin = request.current;
        String formToken = DashboardSession.csrfToken(beforeLogin.proxy);

        var session = DashboardSession.logIn(request.proxy, "ann", Set.of("callscore-reports"), 1800);

        assertThat(beforeLogin.invalid).isTrue();
        assertThat(request.current).isNotSameAs(beforeLogin);
        assertThat(DashboardSession.user(session)).contains("ann");
        assertThat(DashboardSession.roles(session)).containsExactly("callscore-reports");
        assertThat(request.current.timeout).isEqualTo(1800);
        assertThat(DashboardSession.validToken(session, formToken)).isFalse();
        assertThat(DashboardSession.validToken(session, DashboardSession.csrfToken(session))).isTrue();

        DashboardSession.logOut(request.proxy);

        assertThat(DashboardSession.user(session)).isEmpty();
        assertThat(DashboardSession.roles(session)).isEmpty();
        assertAccess(request.proxy.getSession(false), Access.UNAUTHORIZED, "/api/service");
    }

    @Test
    void thePageFirstAskedForTravelsThroughTheLoginAndOnlyAPageOfThisSite() {
        String filters = "month=2025-03&queue=sales%2Fnorth&by=week";
        assertThat(WebSession.pageAsked("/", filters)).isEqualTo("/?" + filters);
        assertThat(WebSession.afterLogin("/?" + filters)).isEqualTo("/?" + filters);
        assertThat(WebSession.pageAsked("/callbacks/figures", "by=queue&queue=sales"))
                .isEqualTo("/callbacks/figures?by=queue&queue=sales");
        assertThat(WebSession.pageAsked("/callbacks", null)).isEqualTo("/callbacks");
        assertThat(WebSession.pageAsked("/recordings", "agent=alice&page=2")).isEqualTo("/recordings?agent=alice&page=2");
        assertThat(WebSession.afterLogin("/recordings/42")).isEqualTo("/recordings/42");
        // the dashboard as it opens, and what is no page to come back to, log in to the dashboard
        assertThat(WebSession.pageAsked("/", null)).isEmpty();
        assertThat(WebSession.pageAsked("/login", "next=/x")).isEmpty();
        assertThat(WebSession.afterLogin(null)).isEqualTo("/");
        assertThat(WebSession.afterLogin("")).isEqualTo("/");
        for (String notAPage : new String[] {"/logout", "/login", "/login?next=/callbacks", "/api/service?x=1",
                "/export/service.csv"}) {
            assertThat(WebSession.afterLogin(notAPage)).as(notAPage).isEqualTo("/");
        }
        // nothing that could leave the site or add a header: no open redirect
        for (String bad : new String[] {"//evil.example/", "https://evil.example/", "evil.example", "/\\evil.example",
                "/%2F%2Fevil.example", "/../../etc", "/./callbacks", "/callbacks/../api/service",
                "/?a=1\r\nSet-Cookie: x=1", "/?a=\"><script>", "/ a", "/callbacks?" + "x".repeat(2000),
                "javascript:alert(1)", "/callbacks\t"}) {
            assertThat(WebSession.afterLogin(bad)).as(bad).isEqualTo("/");
            assertThat(WebSession.pageAsked(bad, null)).as(bad).isEmpty();
        }
    }
}

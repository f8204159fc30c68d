package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.callscore.reports.web.internal.WebSession.Access;
import org.junit.jupiter.api.Test;

class WebSessionTest {

    @Test
    void withoutALoggedInSessionOnlyTheLoginPageIsServed() {
        Fakes.Session anonymous = new Fakes.Session();

        for (var session : new javax.servlet.http.HttpSession[] {null, anonymous.proxy}) {
            assertThat(WebSession.access("/login", session)).isEqualTo(Access.ALLOW);
            assertThat(WebSession.access("/login.css", session)).isEqualTo(Access.ALLOW);
            assertThat(WebSession.access("/", session)).isEqualTo(Access.LOGIN_PAGE);
            assertThat(WebSession.access("/dashboard.js", session)).isEqualTo(Access.LOGIN_PAGE);
            assertThat(WebSession.access("/logout", session)).isEqualTo(Access.LOGIN_PAGE);
            assertThat(WebSession.access("/login/x", session)).isEqualTo(Access.LOGIN_PAGE);
            assertThat(WebSession.access("/api/service", session)).isEqualTo(Access.UNAUTHORIZED);
            assertThat(WebSession.access("/export/service.xlsx", session)).isEqualTo(Access.UNAUTHORIZED);
        }
    }

    @Test
    void aLoggedInSessionReachesEverything() {
        Fakes.Session session = new Fakes.Session();
        session.attributes.put(WebSession.USER, "ann");

        assertThat(WebSession.access("/api/service", session.proxy)).isEqualTo(Access.ALLOW);
        assertThat(WebSession.access("/", session.proxy)).isEqualTo(Access.ALLOW);
        session.invalid = true;
        assertThat(WebSession.access("/api/service", session.proxy)).isEqualTo(Access.UNAUTHORIZED);
    }

    @Test
    void theFormTokenIsRandomPerSessionAndComparedExactly() {
        Fakes.Session one = new Fakes.Session();
        Fakes.Session two = new Fakes.Session();

        String token = WebSession.csrfToken(one.proxy);

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(WebSession.csrfToken(one.proxy)).isEqualTo(token);
        assertThat(WebSession.csrfToken(two.proxy)).isNotEqualTo(token);
        assertThat(WebSession.validToken(one.proxy, token)).isTrue();
        assertThat(WebSession.validToken(two.proxy, token)).isFalse();
        assertThat(WebSession.validToken(one.proxy, token.substring(1))).isFalse();
        assertThat(WebSession.validToken(one.proxy, null)).isFalse();
        assertThat(WebSession.validToken(null, token)).isFalse();
        assertThat(WebSession.validToken(new Fakes.Session().proxy, "")).isFalse();
    }

    @Test
    void loggingInReplacesTheSessionSoAPlantedIdIsWorthNothing() {
        Fakes.Request request = new Fakes.Request();
        request.current = new Fakes.Session();
        Fakes.Session beforeLogin = request.current;
        String formToken = WebSession.csrfToken(beforeLogin.proxy);

        var session = WebSession.logIn(request.proxy, "ann", 1800);

        assertThat(beforeLogin.invalid).isTrue();
        assertThat(request.current).isNotSameAs(beforeLogin);
        assertThat(WebSession.user(session)).contains("ann");
        assertThat(request.current.timeout).isEqualTo(1800);
        assertThat(WebSession.validToken(session, formToken)).isFalse();
        assertThat(WebSession.validToken(session, WebSession.csrfToken(session))).isTrue();

        WebSession.logOut(request.proxy);

        assertThat(WebSession.user(session)).isEmpty();
        assertThat(WebSession.access("/api/service", request.proxy.getSession(false))).isEqualTo(Access.UNAUTHORIZED);
    }

    @Test
    void theDashboardsFiltersTravelThroughTheLoginAsAPlainQueryOnly() {
        String filters = "month=2025-03&queue=sales%2Fnorth&by=week";

        assertThat(WebSession.dashboardFilters("/", filters)).isEqualTo(filters);
        assertThat(WebSession.dashboard(filters)).isEqualTo("/?" + filters);
        // other pages, and no query, log in to the dashboard as it opens
        assertThat(WebSession.dashboardFilters("/dashboard.js", filters)).isEmpty();
        assertThat(WebSession.dashboardFilters("/", null)).isEmpty();
        assertThat(WebSession.dashboard("")).isEqualTo("/");
        assertThat(WebSession.dashboard(null)).isEqualTo("/");
        // nothing that could leave the dashboard or add a header
        for (String bad : new String[] {"a=1\r\nSet-Cookie: x=1", "/evil.example", "a=\"><script>", "a b", "x=//evil",
                "q=" + "x".repeat(2000)}) {
            assertThat(WebSession.filters(bad)).as(bad).isEmpty();
            assertThat(WebSession.dashboard(bad)).as(bad).isEqualTo("/");
        }
    }
}

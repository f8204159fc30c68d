package org.callscore.reports.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.callscore.support.web.DashboardServlet;
import org.callscore.support.web.DashboardSession;
import org.callscore.support.web.PageAnswers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The login form ({@code GET /login}), the login ({@code POST /login}: user, password and the form's token) and
 * the logout ({@code POST /logout} with the session's token). A login must come with the token of the form it was
 * typed into, so another site cannot log a browser in; it is checked by {@link LoginCheck}.
 */
@Component(immediate = true, service = Servlet.class, configurationPid = WebConfig.PID)
@DashboardServlet(servlet_pattern = {WebSession.LOGIN, WebSession.LOGOUT}, servlet_name = "callscore-reports-login")
@Designate(ocd = WebConfig.class)
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String REFUSED = "Login failed: wrong user name or password, or this user may not see the reports.";
    static final String LOCKED_OUT = "Too many failed logins for this user or from this address: try again in %d "
            + "minutes.";
    static final String EXPIRED = "The login form had expired. Please log in again.";

    private final transient LoginCheck check;
    private final int timeoutSeconds;

    @Activate
    public LoginServlet(WebConfig config) {
        this(new LoginCheck(new JaasAuthenticator(config.realm()), DashboardSession.configuredRoles(config.roles()),
                Duration.ofMillis(Math.max(0, config.login_failure_delay_ms())), delay -> Thread.sleep(delay.toMillis()),
                new LoginThrottle(config.login_lockout_failures(), config.login_lockout_address_failures(),
                        Duration.ofMinutes(Math.max(1, config.login_lockout_minutes())), Clock.systemUTC())),
                Math.max(1, config.session_timeout_minutes()) * 60);
    }

    LoginServlet(LoginCheck check, int timeoutSeconds) {
        this.check = check;
        this.timeoutSeconds = timeoutSeconds;
    }


    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!WebSession.LOGIN.equals(request.getServletPath())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String next = WebSession.afterLogin(request.getParameter(WebSession.NEXT_FIELD));
        if (DashboardSession.user(request.getSession(false)).isPresent()) {
            response.sendRedirect(request.getContextPath() + next);
            return;
        }
        form(request, response, HttpServletResponse.SC_OK, "", next);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        HttpSession session = request.getSession(false);
        boolean validToken = DashboardSession.validToken(session, request.getParameter(WebSession.CSRF_FIELD));
        if (WebSession.LOGOUT.equals(request.getServletPath())) {
            if (!validToken) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "missing or wrong form token");
                return;
            }
            DashboardSession.logOut(request);
            redirect(request, response, WebSession.LOGIN);
            return;
        }
        String next = WebSession.afterLogin(request.getParameter(WebSession.NEXT_FIELD));
        if (!validToken) {
            form(request, response, HttpServletResponse.SC_FORBIDDEN, EXPIRED, next);
            return;
        }
        String given = request.getParameter("user");
        String user = given == null ? "" : given.trim();
        String password = request.getParameter("password");
        LoginCheck.Login login = check.check(user, password == null ? new char[0] : password.toCharArray(),
                request.getRemoteAddr());
        switch (login.outcome()) {
            case LOCKED_OUT -> {
                long minutes = check.lockDuration().toMinutes();
                response.setHeader("Retry-After", String.valueOf(minutes * 60));
                form(request, response, 429, String.format(LOCKED_OUT, minutes), next);
                return;
            }
            case REFUSED -> {
                form(request, response, HttpServletResponse.SC_UNAUTHORIZED, REFUSED, next);
                return;
            }
            default -> {
                // below
            }
        }
        DashboardSession.logIn(request, user, login.roles(), timeoutSeconds);
        redirect(request, response, next); // the page first asked for: a copied report URL, the callbacks, ...
    }

    /** 303: the browser follows with a GET, so reloading the next page does not post the form again. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }

    /** @param next the page the login came with, opened after it */
    private static void form(HttpServletRequest request, HttpServletResponse response, int status, String message,
            String next) throws IOException {
        HttpSession session = request.getSession(true);
        String page = Html.fill(Html.text("login.html"), Map.of(
                "context", request.getContextPath(),
                "csrf", DashboardSession.csrfToken(session),
                "message", message,
                "next", next));
        PageAnswers.html(response, status, page);
    }
}

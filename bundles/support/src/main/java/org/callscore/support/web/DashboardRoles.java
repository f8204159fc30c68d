package org.callscore.support.web;

/**
 * The dashboard's roles (Karaf's JAAS roles, given in {@code etc/users.properties}): the defaults of every web
 * module's role settings, so that a role one page grants is the role another checks.
 */
public final class DashboardRoles {

    /** Karaf's administrators: every page. */
    public static final String ADMIN = "admin";
    /** Managers: the reports, every agent's callbacks. */
    public static final String MANAGER = "callscore-reports";
    /** Agents: their own callbacks and reminder feeds. */
    public static final String AGENT = "callscore-agent";
    /** Quality staff: listen to and download recordings. */
    public static final String LISTENER = "callscore-recordings";
    /** Notification operators: create and run campaigns, change the do-not-call list. */
    public static final String NOTIFY_OPERATOR = "callscore-notify";

    private DashboardRoles() {
    }
}

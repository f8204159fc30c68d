package org.callscore.reports.web.internal;

import org.callscore.support.web.DashboardRoles;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The configuration (PID {@code org.callscore.reports.web}); the context path is the whiteboard property. */
@ObjectClassDefinition(name = "CallScore reports web",
        description = "The reports dashboard, JSON API and export, and who may log in to them")
@interface WebConfig {

    String PID = "org.callscore.reports.web";

    @AttributeDefinition(description = "The JAAS realm users log in to (Karaf's own: karaf, users in etc/users.properties)")
    String realm() default "karaf";

    @AttributeDefinition(description = "Roles that may log in, comma-separated: a user needs one of them")
    String roles() default DashboardRoles.ADMIN + "," + DashboardRoles.MANAGER + "," + DashboardRoles.AGENT;

    @AttributeDefinition(description = "Roles that may see the reports, comma-separated; a user logged in without "
            + "one of them reaches only the callback pages (" + WebSession.CALLBACKS + ")")
    String report_roles() default DashboardRoles.ADMIN + "," + DashboardRoles.MANAGER;

    @AttributeDefinition(description = "Minutes without a request after which a session ends")
    int session_timeout_minutes() default 30;

    @AttributeDefinition(description = "Milliseconds a refused login waits before it is answered")
    int login_failure_delay_ms() default 1000;

    @AttributeDefinition(description = "Refused logins in a row after which a user name is locked out (0: never)")
    int login_lockout_failures() default 10;

    @AttributeDefinition(description = "Refused logins in a row from one address, whatever the users, after which "
            + "the address is locked out (0: never)")
    int login_lockout_address_failures() default 30;

    @AttributeDefinition(description = "Minutes a lock-out lasts; a run of failures also ends after this long "
            + "without one")
    int login_lockout_minutes() default 15;
}

package org.callscore.support.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The whiteboard properties of a servlet in the dashboard's servlet context (behind its login), said once: put it on
 * the servlet's {@code @Component} with the servlet's patterns and name. bnd writes them into the component's
 * description at build time (osgi.http.whiteboard.servlet.pattern, .servlet.name and .context.select).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DashboardServlet {

    /** What the element names below are prefixed with. */
    String PREFIX_ = "osgi.http.whiteboard.";

    /** @return the paths served, relative to the dashboard's context path */
    String[] servlet_pattern();

    /** @return the servlet's name, unique in the dashboard */
    String servlet_name();

    /** @return the dashboard's context, by name (the reports web bundle's); never set by a servlet */
    String context_select() default "(osgi.http.whiteboard.context.name=" + DashboardSession.CONTEXT_NAME + ")";
}

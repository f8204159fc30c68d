package org.callscore.agi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names the AGI application a component provides: {@code @AgiApplication("survey")} on an
 * {@code AgiScript} component makes the FastAGI server answer {@code AGI(agi://host/survey?...)} with it.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AgiApplication {

    /** The service property the server's whiteboard looks for. */
    String PROPERTY = "callscore.agi.application";

    /** Prefix that turns the annotation's name into {@link #PROPERTY}. */
    String PREFIX_ = "callscore.";

    /**
     * The name used in the FastAGI URL, e.g. {@code ping}: letters, digits, '.', '_' and '-'.
     *
     * @return the application's name
     */
    String value();
}

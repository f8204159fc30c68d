package org.callscore.storage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares that the annotated bundle owns the tables created by the SQL files under its
 * {@code db/migration/} folder, in the module named here. Put it on a package-info or any class.
 * <p>
 * Files are named {@code V<version>__<description>.sql}; statements end with a semicolon at the end of a
 * line. An applied file must never change: its checksum is kept and a changed file stops the module's
 * migrations with an error naming it.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Header(name = ModuleSchema.HEADER, value = "${#value}")
@Requirement(namespace = "osgi.extender", name = ModuleSchema.EXTENDER, version = "1.0.0")
public @interface ModuleSchema {

    /** The manifest header the storage bundle looks for. */
    String HEADER = "CallScore-Schema";

    /** The extender capability the storage bundle provides. */
    String EXTENDER = "org.callscore.schema";

    /**
     * The module's name: letters, digits and '_', e.g. {@code survey}; tables should start with it.
     *
     * @return the module name
     */
    String value();
}

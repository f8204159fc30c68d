/**
 * CallScore's storage: the MariaDB database every module writes to, reached through Jdbi, and the schema
 * migrations each module brings with it.
 * <p>
 * A module owns its tables: it puts versioned SQL files in its bundle under {@code db/migration/}
 * ({@code V1__create_tables.sql}, {@code V2__...}) and marks the bundle with {@link ModuleSchema}. The
 * storage bundle applies them when the module starts, and again whenever the database comes back.
 */
@Export
@Version("3.0.0")
package org.callscore.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

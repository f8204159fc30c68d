package org.callscore.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The database's state at the last check.
 *
 * @param reachable whether MariaDB answered the last check
 * @param problem   why it did not, or an empty string
 * @param checkedAt when the last check ran
 * @param schemas   the schema of each module seen since start, by module name
 */
public record DatabaseStatus(boolean reachable, String problem, Instant checkedAt, List<SchemaStatus> schemas) {

    public DatabaseStatus {
        schemas = List.copyOf(schemas);
    }

    /**
     * @param module a module name
     * @return that module's schema state, if its bundle has been seen
     */
    public Optional<SchemaStatus> schema(String module) {
        return schemas.stream().filter(s -> s.module().equals(module)).findFirst();
    }
}

package org.callscore.storage;

/**
 * One module's schema.
 *
 * @param module         the module name
 * @param bundle         the symbolic name of the bundle that brings the migrations
 * @param bundleActive   whether that bundle is active (a stopped module's calls in flight may still write)
 * @param appliedVersion the highest version applied to the database, 0 for none, -1 while unknown
 * @param latestVersion  the highest version the bundle has
 * @param problem        why migrations stopped, or an empty string
 */
public record SchemaStatus(String module, String bundle, boolean bundleActive, int appliedVersion, int latestVersion, String problem) {

    /** @return whether the tables are at the version the bundle expects */
    public boolean upToDate() {
        return appliedVersion >= latestVersion && problem.isEmpty();
    }
}

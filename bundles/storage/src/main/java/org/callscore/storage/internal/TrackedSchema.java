package org.callscore.storage.internal;

import java.util.List;

import org.callscore.storage.SchemaStatus;

/** A module bundle's migrations and how far the database has got with them. */
final class TrackedSchema {

    final String module;
    final String bundle;
    final List<Migration> migrations;
    private volatile int appliedVersion = -1;
    private volatile String problem = "";
    private volatile boolean active = true;

    TrackedSchema(String module, String bundle, List<Migration> migrations) {
        this.module = module;
        this.bundle = bundle;
        this.migrations = migrations;
    }

    int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /** The bundle stopped: its migrations are no longer run, what is known of its tables stays. */
    void stopped() {
        active = false;
    }

    boolean active() {
        return active;
    }

    void applied(int version) {
        appliedVersion = version;
        problem = "";
    }

    /** @return whether this problem is new, so it is logged once rather than at every check */
    boolean failed(String why) {
        boolean changed = !why.equals(problem);
        problem = why;
        return changed;
    }

    SchemaStatus status() {
        return new SchemaStatus(module, bundle, active, appliedVersion, latestVersion(), problem);
    }
}

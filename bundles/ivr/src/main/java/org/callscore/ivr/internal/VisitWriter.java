package org.callscore.ivr.internal;

import java.time.Duration;

import org.callscore.ivr.Action;
import org.callscore.ivr.IvrVisit;
import org.jdbi.v3.core.Jdbi;

/** Writes a visit to {@code ivr_visit}. Writing the same visit twice stores it once (its id is the key). */
final class VisitWriter {

    private VisitWriter() {
    }

    static void write(Jdbi jdbi, IvrVisit visit) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO ivr_visit (id, tree, tree_sha256, uniqueid, "
                + "linkedid, entry_menu, exit_menu, path, keys_pressed, exit_type, exit_target, status, "
                + "agent_requested, caller_hung_up, site_open, started_at, ended_at, duration_ms) VALUES (:id, :tree, "
                + ":version, :uniqueId, :linkedId, :entryMenu, :exitMenu, :path, :keys, :exitType, :exitTarget, "
                + ":status, :agentRequested, :hungUp, :open, :startedAt, :endedAt, :duration) "
                + "ON DUPLICATE KEY UPDATE id = id")
                .bind("id", visit.id()).bind("tree", visit.tree()).bind("version", visit.version())
                .bind("uniqueId", visit.uniqueId()).bind("linkedId", visit.linkedId().orElse(null))
                .bind("entryMenu", visit.entryMenu()).bind("exitMenu", visit.exitMenu()).bind("path", visit.path())
                .bind("keys", visit.keys())
                .bind("exitType", visit.exit().map(a -> a.type().label()).orElse(null))
                .bind("exitTarget", visit.exit().map(Action::target).filter(t -> !t.isEmpty()).orElse(null))
                .bind("status", visit.status()).bind("agentRequested", visit.agentRequested())
                .bind("hungUp", visit.callerHungUp()).bind("open", visit.open().orElse(null))
                .bind("startedAt", visit.startedAt()).bind("endedAt", visit.endedAt())
                .bind("duration", Duration.between(visit.startedAt(), visit.endedAt()).toMillis())
                .execute());
    }
}

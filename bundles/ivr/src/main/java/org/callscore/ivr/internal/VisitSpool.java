package org.callscore.ivr.internal;

import static org.callscore.support.files.RecordSpool.instant;
import static org.callscore.support.files.RecordSpool.millis;
import static org.callscore.support.files.RecordSpool.required;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.callscore.ivr.Action;
import org.callscore.ivr.IvrVisit;
import org.callscore.support.files.RecordSpool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Visits waiting for MariaDB: one file per visit ({@code ID.visit}, Java properties, so no caller-controlled
 * character can break it), on disk before {@link #put} returns, through the support library's {@link RecordSpool}.
 * A visit is one event, so no order has to be kept between files and no lock is needed: a file appears whole, it is
 * deleted only after MariaDB has taken it, and writing a visit twice stores it once. A file that cannot be read back
 * (not UTF-8 after a hand edit, a key missing) is renamed {@code .rejected} for an administrator, never silently
 * dropped, and never stops the replay of the others.
 */
final class VisitSpool {

    private static final Logger LOG = LoggerFactory.getLogger(VisitSpool.class);
    private static final String SUFFIX = ".visit";

    private final RecordSpool files;

    VisitSpool(Path folder) {
        this.files = new RecordSpool(folder, SUFFIX, (file, why) -> LOG.error("IVR visit spool: {} {}; move it away by "
                + "hand", file, why));
    }

    Path folder() {
        return files.folder();
    }

    void put(IvrVisit visit) {
        Properties p = new Properties();
        p.setProperty("id", visit.id());
        p.setProperty("tree", visit.tree());
        p.setProperty("version", visit.version());
        p.setProperty("uniqueid", visit.uniqueId());
        visit.linkedId().ifPresent(v -> p.setProperty("linkedid", v));
        p.setProperty("entry", visit.entryMenu());
        p.setProperty("exit.menu", visit.exitMenu());
        p.setProperty("path", visit.path());
        p.setProperty("keys", String.valueOf(visit.keys()));
        visit.exit().ifPresent(a -> p.setProperty("exit", a.toString()));
        p.setProperty("status", visit.status());
        p.setProperty("agent", String.valueOf(visit.agentRequested()));
        visit.open().ifPresent(o -> p.setProperty("open", String.valueOf(o)));
        p.setProperty("started", millis(visit.startedAt()));
        p.setProperty("ended", millis(visit.endedAt()));
        try {
            files.put(visit.id(), p);
        } catch (IllegalArgumentException notAUuid) {
            throw new IllegalArgumentException("visit id " + visit.id() + " is not a UUID", notAUuid);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("IVR visit spool " + e.getMessage(), e.getCause());
        }
    }

    /** The files the visits are kept in, for the replay. */
    RecordSpool files() {
        return files;
    }

    /** @return the visit a spool file holds; throws when it holds none */
    static IvrVisit read(Properties p) {
        Optional<Action> exit = Optional.ofNullable(p.getProperty("exit")).map(VisitSpool::action);
        return new IvrVisit(required(p, "id"), required(p, "tree"), required(p, "version"), required(p, "uniqueid"),
                Optional.ofNullable(p.getProperty("linkedid")), required(p, "entry"), required(p, "exit.menu"),
                required(p, "path"), Integer.parseInt(required(p, "keys")), exit, required(p, "status"),
                Boolean.parseBoolean(required(p, "agent")),
                Optional.ofNullable(p.getProperty("open")).map(Boolean::parseBoolean),
                instant(p, "started"), instant(p, "ended"));
    }

    private static Action action(String text) {
        int colon = text.indexOf(':');
        String word = colon < 0 ? text : text.substring(0, colon);
        return new Action(Action.Type.ofLabel(word).orElseThrow(() -> new IllegalArgumentException("exit " + text)),
                colon < 0 ? "" : text.substring(colon + 1));
    }
}

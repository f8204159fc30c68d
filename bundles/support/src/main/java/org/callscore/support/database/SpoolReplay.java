package org.callscore.support.database;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.callscore.support.files.RecordSpool;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;

/**
 * A module's records waiting in a {@link RecordSpool} for MariaDB (the IVR's visits, the callback requests): the
 * warning when the first of an outage goes to the spool, and the replay that writes them, oldest file first, one
 * at a time. A record that cannot be read back, or that MariaDB refuses for its data, is set aside
 * ({@code .rejected}) for an administrator and the others go on; the first one MariaDB cannot take yet (down, late)
 * stops the replay until its next run. Every line is logged under the module's logger, naming its records.
 *
 * @param <R> a record as the module reads it back
 */
public final class SpoolReplay<R> {

    /**
     * What the log lines call the module's records.
     *
     * @param module how the spool and its replay are named, e.g. {@code IVR visit} ("IVR visit spool: ...")
     * @param one    one record, e.g. {@code IVR visit} ("MariaDB refused IVR visit ID ...")
     * @param many   records, e.g. {@code IVR visits} ("3 IVR visits written to MariaDB from the spool")
     */
    public record Names(String module, String one, String many) {
    }

    private final Logger log;
    private final RecordSpool spool;
    private final Names names;
    private final Function<Properties, R> read;
    private final Function<R, String> id;
    private final BiConsumer<Jdbi, R> write;
    /** One replay at a time: two would write the same files. */
    private final Object replay = new Object();
    /** Whether records went to the spool since it was last found empty: the spool is logged once per outage. */
    private final AtomicBoolean spooling = new AtomicBoolean();

    /**
     * @param read  a record from its file's properties; throws when they are not one
     * @param id    the record's id, for the log
     * @param write writes one record (idempotent: a record written but not yet deleted is written again)
     */
    public SpoolReplay(Logger log, RecordSpool spool, Names names, Function<Properties, R> read, Function<R, String> id,
            BiConsumer<Jdbi, R> write) {
        this.log = log;
        this.spool = spool;
        this.names = names;
        this.read = read;
        this.id = id;
        this.write = write;
    }

    /** To be told after a record went to the spool: the first since the spool was last found empty is logged. */
    public void spooled() {
        if (spooling.compareAndSet(false, true)) {
            log.warn("MariaDB is not ready for {}: they wait in {} and are written when it is", names.many(),
                    spool.folder());
        }
    }

    /** @return how many records wait in the spool */
    public int pending() {
        return Math.max(0, spool.size());
    }

    /**
     * Writes the spooled records, stopping at the first one MariaDB cannot take yet; to be called while MariaDB
     * answers the module's health check.
     *
     * @param checkNow asks for a health check at once, when MariaDB fails a write
     * @param writer   the callers' writer, resumed once the spool has been written (or found empty)
     */
    public void replay(Supplier<Jdbi> jdbi, Runnable checkNow, BoundedWriter writer) {
        synchronized (replay) {
            if (spool.size() == 0) {
                spooling.set(false);
                writer.resume(); // nothing waits and MariaDB answers the health check
                return;
            }
            int written = 0;
            for (RecordSpool.Entry entry : spool.entries((file, why) -> log.error(
                    "{} spool: unreadable file {} set aside: {}", names.module(), file, why))) {
                R record;
                try {
                    record = read.apply(entry.record());
                } catch (RuntimeException unreadable) {
                    spool.reject(entry.file()).ifPresent(kept -> log.error("{} spool: {} cannot be read ({}); kept as {}",
                            names.module(), entry.file(), unreadable.getMessage(), kept));
                    continue;
                }
                try {
                    write.accept(jdbi.get(), record);
                } catch (RuntimeException e) {
                    if (!SqlFailures.refusedForGood(e)) {
                        log.debug("{} replay paused: {}", names.module(), SqlFailures.reason(e));
                        checkNow.run();
                        return;
                    }
                    spool.reject(entry.file()).ifPresent(kept -> log.error("MariaDB refused {} {} ({}); it is kept in "
                            + "{} for an administrator", names.one(), id.apply(record), SqlFailures.reason(e), kept));
                    continue;
                }
                spool.remove(entry);
                written++;
            }
            writer.resume();
            if (written > 0) {
                log.info("{} {} written to MariaDB from the spool; {} still waiting", written, names.many(), pending());
            }
        }
    }
}

package org.callscore.notify.internal;

import static org.callscore.notify.internal.CampaignRows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.callscore.notify.DoNotCallEntry;
import org.callscore.notify.DoNotCallList;
import org.callscore.storage.Database;
import org.callscore.support.rules.NumberPlan;
import org.callscore.support.text.LogText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The do-not-call list in MariaDB. Log lines show only a number's last digits. */
final class DoNotCallBook implements DoNotCallList {

    private static final Logger LOG = LoggerFactory.getLogger(DoNotCallBook.class);
    private static final String COLUMNS = "number, reason, added_by, added_at";

    private final Supplier<Database> database;
    private final Clock clock;

    private final Supplier<Optional<NumberPlan>> plan;

    DoNotCallBook(Supplier<Database> database, Clock clock) {
        this(database, clock, Optional::empty);
    }

    /** @param plan the site's number plan: a number is listed in its international form; empty: as written */
    DoNotCallBook(Supplier<Database> database, Clock clock, Supplier<Optional<NumberPlan>> plan) {
        this.database = database;
        this.clock = clock;
        this.plan = plan;
    }

    private Jdbi jdbi() {
        return CampaignBook.jdbi(database);
    }

    @Override
    public DoNotCallEntry add(String number, String reason, String actor) {
        String normal = PhoneNumbers.normal(number, plan.get());
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 200) {
            throw new IllegalArgumentException("reason: longer than 200 characters");
        }
        String by = CampaignBook.actor(actor);
        return jdbi().inTransaction(h -> add(h, normal, why, by, clock.instant()));
    }

    /** Adds a number in the caller's transaction; a listed one keeps its first entry. */
    static DoNotCallEntry add(Handle h, String number, String reason, String actor, Instant now) {
        int added = h.createUpdate("INSERT IGNORE INTO notify_do_not_call (" + COLUMNS + ") VALUES (:n, :r, :by, :now)")
                .bind("n", number).bind("r", reason).bind("by", actor).bind("now", ts(now)).execute();
        if (added > 0) {
            LOG.info("Do-not-call: {} added by {}", PhoneNumbers.masked(number), LogText.of(actor));
        }
        return entry(h, number).orElseThrow();
    }

    private static Optional<DoNotCallEntry> entry(Handle h, String number) {
        return h.createQuery("SELECT " + COLUMNS + " FROM notify_do_not_call WHERE number = :n").bind("n", number)
                .map(DoNotCallBook::entry).findOne();
    }

    private static DoNotCallEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        return new DoNotCallEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant());
    }

    @Override
    public boolean remove(String number, String actor) {
        String by = CampaignBook.actor(actor);
        String normal = PhoneNumbers.normal(number, plan.get());
        boolean removed = jdbi().withHandle(h -> h.createUpdate("DELETE FROM notify_do_not_call WHERE number = :n")
                .bind("n", normal).execute()) > 0;
        if (removed) {
            LOG.info("Do-not-call: {} removed by {}", PhoneNumbers.masked(normal), LogText.of(by));
        }
        return removed;
    }

    @Override
    public boolean contains(String number) {
        return find(number).isPresent();
    }

    @Override
    public List<DoNotCallEntry> list() {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM notify_do_not_call ORDER BY added_at "
                + "DESC, number").map(DoNotCallBook::entry).list());
    }

    @Override
    public Optional<DoNotCallEntry> find(String number) {
        String normal = PhoneNumbers.normal(number, plan.get());
        return jdbi().withHandle(h -> entry(h, normal));
    }
}

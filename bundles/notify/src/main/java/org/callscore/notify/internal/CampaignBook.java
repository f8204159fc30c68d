package org.callscore.notify.internal;

import static org.callscore.notify.internal.CampaignRows.ts;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.callscore.notify.AnsweredCall;
import org.callscore.notify.Campaign;
import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.CampaignProgress;
import org.callscore.notify.CampaignState;
import org.callscore.notify.Campaigns;
import org.callscore.notify.HeardMessage;
import org.callscore.notify.ImportFormat;
import org.callscore.notify.ImportReport;
import org.callscore.notify.NotificationCalls;
import org.callscore.notify.NumberOutcome;
import org.callscore.notify.NumberResult;
import org.callscore.notify.NumberState;
import org.callscore.notify.OutcomeDay;
import org.callscore.notify.OutcomeQuery;
import org.callscore.notify.ResultPage;
import org.callscore.notify.ResultQuery;
import org.callscore.storage.Database;
import org.callscore.support.rules.NumberPlan;
import org.callscore.support.text.LogText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns, their numbers and the do-not-call list in MariaDB. Every call needs the database: without it, an
 * {@code IllegalStateException} says so, and nothing is half written (each operation is one transaction).
 */
final class CampaignBook implements Campaigns, NotificationCalls {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignBook.class);
    /** Who paused a campaign whose message cannot be played. */
    static final String UNPLAYABLE_ACTOR = "notify-application";

    private static final int IMPORT_BATCH = 500;

    private final Supplier<Database> database;
    private final Clock clock;
    private final Supplier<ZoneId> siteZone;

    private final Supplier<Optional<NumberPlan>> plan;

    CampaignBook(Supplier<Database> database, Clock clock, Supplier<ZoneId> siteZone) {
        this(database, clock, siteZone, Optional::empty);
    }

    /** @param plan the site's number plan (numbers equal in it are one customer); empty: numbers as written */
    CampaignBook(Supplier<Database> database, Clock clock, Supplier<ZoneId> siteZone,
            Supplier<Optional<NumberPlan>> plan) {
        this.database = database;
        this.clock = clock;
        this.siteZone = siteZone;
        this.plan = plan;
    }

    static Jdbi jdbi(Supplier<Database> database) {
        Database db = database.get();
        if (db == null || !db.isReady(Campaigns.SCHEMA)) {
            throw new IllegalStateException("the notify tables are not ready: is MariaDB up? (callscore:status)");
        }
        return db.jdbi();
    }

    private Jdbi jdbi() {
        return jdbi(database);
    }

    static String actor(String actor) {
        if (actor == null || actor.isBlank() || actor.length() > 128) {
            throw new IllegalArgumentException("actor must be 1 to 128 characters");
        }
        return actor.strip();
    }

    @Override
    public Campaign create(CampaignDefinition definition, String actor) {
        Instant now = clock.instant();
        Campaign campaign = new Campaign(UUID.randomUUID().toString(), definition, CampaignState.DRAFT, now,
                actor(actor), now);
        return jdbi().inTransaction(h -> {
            if (h.createQuery("SELECT 1 FROM notify_campaign WHERE name = :n").bind("n", definition.name())
                    .mapTo(Integer.class).findOne().isPresent()) {
                throw new IllegalArgumentException("name: a campaign named '" + definition.name() + "' exists");
            }
            CampaignRows.insert(h, campaign);
            return campaign;
        });
    }

    private static Campaign existing(Handle h, String campaignId, boolean lock) {
        return CampaignRows.byId(h, campaignId, lock)
                .orElseThrow(() -> new NoSuchElementException("no campaign " + campaignId));
    }

    @Override
    public ImportReport importCustomers(String campaignId, ImportFormat format, InputStream file, String actor) {
        actor(actor);
        Optional<NumberPlan> numbers = plan.get(); // a wrong plan refuses the import before the file is read
        CustomerImport.Checked checked = CustomerImport.check(CustomerFile.read(format, file), numbers);
        Instant now = clock.instant();
        return jdbi().inTransaction(h -> {
            Campaign campaign = existing(h, campaignId, true);
            if (campaign.state() == CampaignState.STOPPED || campaign.state() == CampaignState.FINISHED) {
                throw new IllegalStateException("campaign " + campaign.name() + " is " + campaign.state()
                        + ": customers can no longer be imported");
            }
            Set<String> doNotCall = Set.copyOf(h.createQuery("SELECT number FROM notify_do_not_call")
                    .mapTo(String.class).list());
            Map<String, String> known = new LinkedHashMap<>();
            h.createQuery("SELECT number, fields FROM notify_number WHERE campaign_id = :c").bind("c", campaignId)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> known.put(e.getKey(), e.getValue()));
            List<ImportReport.MergedDuplicate> merged = new ArrayList<>(checked.merged());
            List<ImportReport.SkippedNumber> skipped = new ArrayList<>();
            List<CustomerImport.Customer> added = new ArrayList<>();
            for (CustomerImport.Customer customer : checked.customers()) {
                if (doNotCall.contains(customer.number())) {
                    skipped.add(new ImportReport.SkippedNumber(customer.line(), customer.number()));
                } else if (known.containsKey(customer.number())) {
                    Map<String, String> fields = FieldText.decode(known.get(customer.number()));
                    customer.fields().forEach(fields::putIfAbsent);
                    h.createUpdate("UPDATE notify_number SET fields = :f, name = IF(name = '', :name, name), zone = "
                            + "COALESCE(zone, :zone), updated_at = :now WHERE campaign_id = :c AND number = :n")
                            .bind("f", FieldText.encode(fields)).bind("name", customer.name())
                            .bind("zone", customer.zone().map(ZoneId::getId).orElse(null)).bind("now", ts(now))
                            .bind("c", campaignId).bind("n", customer.number()).execute();
                    merged.add(new ImportReport.MergedDuplicate(customer.line(), customer.number(), 0));
                } else {
                    added.add(customer);
                }
            }
            for (int from = 0; from < added.size(); from += IMPORT_BATCH) {
                var batch = h.prepareBatch("INSERT INTO notify_number (campaign_id, number, name, zone, fields, state, "
                        + "due_at, updated_at) VALUES (:c, :n, :name, :zone, :fields, 'WAITING', :now, :now)");
                for (CustomerImport.Customer c : added.subList(from, Math.min(added.size(), from + IMPORT_BATCH))) {
                    batch.bind("c", campaignId).bind("n", c.number()).bind("name", c.name())
                            .bind("zone", c.zone().map(ZoneId::getId).orElse(null))
                            .bind("fields", FieldText.encode(c.fields())).bind("now", ts(now)).add();
                }
                batch.execute();
            }
            merged.sort(Comparator.comparingInt(ImportReport.MergedDuplicate::line));
            return new ImportReport(added.size(), checked.bad(), merged, skipped);
        });
    }

    private Campaign move(String campaignId, Set<CampaignState> from, CampaignState to, String actor) {
        actor(actor);
        Instant now = clock.instant();
        return jdbi().inTransaction(h -> {
            Campaign c = existing(h, campaignId, true);
            if (c.state() == to) {
                return c;
            }
            if (!from.contains(c.state())) {
                throw new IllegalStateException("campaign " + c.name() + " is " + c.state() + ": it cannot become " + to);
            }
            h.createUpdate("UPDATE notify_campaign SET state = :s, changed_at = :now WHERE id = :id")
                    .bind("s", to.name()).bind("now", ts(now)).bind("id", campaignId).execute();
            if (to == CampaignState.STOPPED) {
                h.createUpdate("UPDATE notify_number SET state = 'NOT_CALLED', updated_at = :now WHERE campaign_id = :c "
                        + "AND state = 'WAITING'").bind("now", ts(now)).bind("c", campaignId).execute();
            }
            return new Campaign(c.id(), c.definition(), to, c.created(), c.createdBy(), now);
        });
    }

    @Override
    public Campaign start(String campaignId, String actor) {
        return move(campaignId, Set.of(CampaignState.DRAFT), CampaignState.RUNNING, actor);
    }

    @Override
    public Campaign pause(String campaignId, String actor) {
        return move(campaignId, Set.of(CampaignState.RUNNING), CampaignState.PAUSED, actor);
    }

    @Override
    public Campaign resume(String campaignId, String actor) {
        return move(campaignId, Set.of(CampaignState.PAUSED), CampaignState.RUNNING, actor);
    }

    @Override
    public Campaign stop(String campaignId, String actor) {
        return move(campaignId, Set.of(CampaignState.DRAFT, CampaignState.RUNNING, CampaignState.PAUSED),
                CampaignState.STOPPED, actor);
    }

    @Override
    public List<Campaign> list() {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + CampaignRows.CAMPAIGN_COLUMNS + " FROM notify_campaign "
                + "ORDER BY created_at DESC, name").map((rs, ctx) -> CampaignRows.campaign(rs)).list());
    }

    @Override
    public Optional<Campaign> find(String campaignId) {
        return jdbi().withHandle(h -> CampaignRows.byId(h, campaignId, false));
    }

    @Override
    public Optional<Campaign> findByName(String name) {
        return jdbi().withHandle(h -> h.createQuery("SELECT " + CampaignRows.CAMPAIGN_COLUMNS + " FROM notify_campaign "
                + "WHERE name = :n").bind("n", name).map((rs, ctx) -> CampaignRows.campaign(rs)).findOne());
    }

    @Override
    public CampaignProgress progress(String campaignId) {
        return jdbi().withHandle(h -> {
            existing(h, campaignId, false);
            Map<NumberState, Long> counts = new EnumMap<>(NumberState.class);
            h.createQuery("SELECT state, COUNT(*) FROM notify_number WHERE campaign_id = :c GROUP BY state")
                    .bind("c", campaignId)
                    .map((rs, ctx) -> Map.entry(NumberState.valueOf(rs.getString(1)), rs.getLong(2)))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            long done = counts.getOrDefault(NumberState.DONE, 0L);
            long inFlight = counts.getOrDefault(NumberState.IN_FLIGHT, 0L);
            long waiting = counts.getOrDefault(NumberState.WAITING, 0L);
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return new CampaignProgress(total, done, inFlight, waiting, total - done - inFlight - waiting);
        });
    }

    @Override
    public ResultPage results(String campaignId, ResultQuery query) {
        String where = " WHERE campaign_id = :c" + (query.state().isPresent() ? " AND state = :state" : "")
                + (query.outcome().isPresent() ? " AND outcome = :outcome" : "");
        return jdbi().withHandle(h -> {
            existing(h, campaignId, false);
            Query rows = h.createQuery("SELECT " + CampaignRows.NUMBER_COLUMNS + " FROM notify_number" + where
                    + " ORDER BY id LIMIT :limit OFFSET :offset").bind("limit", query.limit())
                    .bind("offset", query.offset());
            Query total = h.createQuery("SELECT COUNT(*) FROM notify_number" + where);
            for (Query q : List.of(rows, total)) {
                q.bind("c", campaignId);
                query.state().ifPresent(s -> q.bind("state", s.name()));
                query.outcome().ifPresent(o -> q.bind("outcome", o.name()));
            }
            List<NumberResult> page = rows.map((rs, ctx) -> CampaignRows.number(rs)).list();
            return new ResultPage(page, total.mapTo(Long.class).one());
        });
    }

    @Override
    public List<OutcomeDay> outcomesPerDay(OutcomeQuery query) {
        ZoneId zone = siteZone.get();
        Instant from = query.from().atStartOfDay(zone).toInstant();
        Instant to = query.to().plusDays(1).atStartOfDay(zone).toInstant();
        record Ended(String campaignId, String campaign, Instant at, NumberOutcome outcome, long heard) {
        }
        List<Ended> ended = jdbi().withHandle(h -> {
            Query q = h.createQuery("SELECT a.campaign_id, c.name, a.ended_at, a.outcome, a.heard_ms FROM notify_attempt "
                    + "a JOIN notify_campaign c ON c.id = a.campaign_id WHERE a.ended_at >= :from AND a.ended_at < :to"
                    + (query.campaignId().isPresent() ? " AND a.campaign_id = :c" : ""))
                    .bind("from", ts(from)).bind("to", ts(to));
            query.campaignId().ifPresent(c -> q.bind("c", c));
            return q.map((rs, ctx) -> new Ended(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                    NumberOutcome.valueOf(rs.getString(4)), rs.getLong(5))).list();
        });
        Map<String, long[]> tally = new TreeMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (Ended e : ended) {
            LocalDate day = e.at().atZone(zone).toLocalDate();
            String key = day + "\u0000" + e.campaign() + "\u0000" + e.campaignId();
            keys.putIfAbsent(key, new String[] {day.toString(), e.campaignId(), e.campaign()});
            long[] t = tally.computeIfAbsent(key, k -> new long[NumberOutcome.values().length + 2]);
            t[0]++;
            t[1 + e.outcome().ordinal()]++;
            t[t.length - 1] += e.heard();
        }
        List<OutcomeDay> days = new ArrayList<>();
        tally.forEach((key, t) -> {
            String[] k = keys.get(key);
            days.add(new OutcomeDay(LocalDate.parse(k[0]), k[1], k[2], t[0], t[1 + NumberOutcome.ANSWERED.ordinal()],
                    t[1 + NumberOutcome.MACHINE.ordinal()], t[1 + NumberOutcome.BUSY.ordinal()],
                    t[1 + NumberOutcome.NO_ANSWER.ordinal()], t[1 + NumberOutcome.FAILED.ordinal()],
                    t[1 + NumberOutcome.OPTED_OUT.ordinal()], t[1 + NumberOutcome.LOST.ordinal()], t[t.length - 1]));
        });
        return days;
    }

    // --- the AGI application's side

    @Override
    public Optional<AnsweredCall> answered(String attemptId) {
        return jdbi().withHandle(h -> h.createQuery("SELECT campaign_id FROM notify_attempt WHERE channel_id = :c AND "
                + "ended_at IS NULL").bind("c", attemptId).mapTo(String.class).findOne()
                .flatMap(id -> CampaignRows.byId(h, id, false))
                .map(c -> new AnsweredCall(attemptId, c.id(), c.definition().message(), c.definition().keys(),
                        c.definition().machine())));
    }

    @Override
    public void heard(String attemptId, HeardMessage heard) {
        Instant now = clock.instant();
        // READ COMMITTED, as the dialler's claims and ends: no gap locks for them to wait on
        DialStore.claiming(jdbi(), h -> {
            if (heard.outcome() == NumberOutcome.OPTED_OUT) {
                h.createQuery("SELECT n.number FROM notify_attempt a JOIN notify_number n ON n.id = a.number_id WHERE "
                        + "a.channel_id = :c AND a.ended_at IS NULL").bind("c", attemptId).mapTo(String.class)
                        .findOne().ifPresent(number -> DoNotCallBook.add(h, number, "opted out by phone", "phone", now));
            }
            return DialStore.end(h, attemptId, new DialStore.Outcome(heard.outcome(), "heard by the notify application",
                    heard.heardMillis(), heard.keys(), heard.toAgent()), false, false, now);
        });
    }

    @Override
    public void messageUnplayable(String attemptId, String sound) {
        Instant now = clock.instant();
        Optional<String> campaignId = DialStore.claiming(jdbi(), h -> {
            Optional<String> id = h.createQuery("SELECT campaign_id FROM notify_attempt WHERE channel_id = :c AND "
                    + "ended_at IS NULL").bind("c", attemptId).mapTo(String.class).findOne();
            DialStore.end(h, attemptId, DialStore.Outcome.of(NumberOutcome.FAILED, "the message " + sound
                    + " could not be played"), true, false, now);
            return id;
        });
        campaignId.flatMap(this::find).filter(c -> c.state() == CampaignState.RUNNING).ifPresent(campaign -> {
            pause(campaign.id(), UNPLAYABLE_ACTOR);
            LOG.error("Notify: campaign {} paused: its message {} cannot be played (attempt {}): check it with "
                    + "Playback() on the PBX, then resume the campaign", campaign.name(), LogText.of(sound), attemptId);
        });
    }
}

package org.callscore.callback.internal.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.callscore.callback.Callback;
import org.callscore.callback.CallbackFeeds;
import org.callscore.callback.CallbackQuery;
import org.callscore.callback.CallbackState;
import org.callscore.callback.Callbacks;
import org.callscore.callback.FeedOwner;
import org.callscore.storage.Database;
import org.callscore.support.text.LogText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CallbackFeeds} service: secrets in {@code callback_feed}, callbacks read through {@link Callbacks}
 * only. Issuing and revoking are logged with the owner and the actor, never the secret.
 */
@Component(configurationPid = CallbackFeedsComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CallbackFeedsComponent.Config.class)
public class CallbackFeedsComponent implements CallbackFeeds {

    static final String PID = "org.callscore.callback.feeds";
    private static final Logger LOG = LoggerFactory.getLogger(CallbackFeedsComponent.class);

    /** The most callbacks one feed shows (open ones first): a calendar client chokes on a huge feed. */
    static final int MOST_EVENTS = 1000;
    private static final Duration ENDED_DUE_WINDOW = Duration.ofDays(60);
    private static final Set<CallbackState> OPEN = EnumSet.of(CallbackState.SCHEDULED, CallbackState.DIALLING);
    private static final Set<CallbackState> FINAL = EnumSet.complementOf(EnumSet.copyOf(OPEN));

    @ObjectClassDefinition(name = "CallScore callback feeds",
            description = "The iCalendar feeds that remind agents of their callbacks")
    public @interface Config {

        @AttributeDefinition(name = "Reminder (minutes)",
                description = "How long before a callback is due the agent's calendar reminds them")
        int reminder_minutes() default 10;

        @AttributeDefinition(name = "Event length (minutes)",
                description = "How long a callback's event lasts in the calendar")
        int event_minutes() default 15;

        @AttributeDefinition(name = "Days shown after the end",
                description = "How many days a done, failed, expired or cancelled callback stays in the feed "
                        + "(so that calendars see the change) before it drops off")
        int final_days() default 3;

        @AttributeDefinition(name = "Dashboard address",
                description = "The dashboard as agents reach it: each event links to its callback there")
        String dashboard_address() default "http://localhost:8181/callscore";

        @AttributeDefinition(name = "Whole customer number",
                description = "Show the customer's whole number in the calendar; otherwise only its last 4 "
                        + "digits (the dashboard shows it whole after a login)")
        boolean full_number() default false;
    }

    private final FeedSecrets secrets;
    private final Callbacks callbacks;
    private final FeedCalendar calendar;
    private final Duration finalShown;
    private final Clock clock;

    @Activate
    public CallbackFeedsComponent(@Reference Database database, @Reference Callbacks callbacks, Config config) {
        this(database, callbacks, config, Clock.systemUTC());
    }

    /** With its own clock, for tests. */
    public CallbackFeedsComponent(Database database, Callbacks callbacks, Config config, Clock clock) {
        this.secrets = new FeedSecrets(database.jdbi());
        this.callbacks = callbacks;
        this.calendar = new FeedCalendar(new FeedCalendar.Settings(
                Duration.ofMinutes(Math.max(0, config.reminder_minutes())),
                Duration.ofMinutes(Math.max(1, config.event_minutes())),
                URI.create(config.dashboard_address().strip()), config.full_number()));
        this.finalShown = Duration.ofDays(Math.max(0, config.final_days()));
        this.clock = clock;
    }

    @Override
    public String issue(FeedOwner owner, String actor) {
        String secret = secrets.issue(owner, actor, clock.instant());
        LOG.info("Callback feeds: {} issued a new feed address for {} {}", LogText.of(actor),
                owner.kind().name().toLowerCase(), LogText.of(owner.name()));
        return secret;
    }

    @Override
    public boolean revoke(FeedOwner owner, String actor) {
        boolean had = secrets.revoke(owner);
        LOG.info("Callback feeds: {} revoked the feed of {} {}{}", LogText.of(actor),
                owner.kind().name().toLowerCase(), LogText.of(owner.name()), had ? "" : " (it had none)");
        return had;
    }

    @Override
    public List<FeedOwner> feeds() {
        return secrets.owners();
    }

    @Override
    public Optional<String> calendar(String secret) {
        return secrets.owner(secret).map(owner -> calendar.write(owner, shown(owner)));
    }

    /** @return the owner's open callbacks, then those that ended in the last few days, each soonest due first */
    private List<Callback> shown(FeedOwner owner) {
        Instant now = clock.instant();
        Instant endedSince = now.minus(finalShown);
        List<Callback> shown = new ArrayList<>(callbacks.find(query(owner, OPEN, Optional.empty())));
        // the query selects by due time, not by end: the ones due in the last weeks or later, kept if they ended
        // lately (one due longer ago has long expired)
        for (Callback ended : callbacks.find(query(owner, FINAL, Optional.of(endedSince.minus(ENDED_DUE_WINDOW))))) {
            if (!ended.updatedAt().isBefore(endedSince) && shown.size() < MOST_EVENTS) {
                shown.add(ended);
            }
        }
        return shown;
    }

    private static CallbackQuery query(FeedOwner owner, Set<CallbackState> states, Optional<Instant> dueFrom) {
        boolean agent = owner.kind() == FeedOwner.Kind.AGENT;
        return new CallbackQuery(agent ? Optional.empty() : Optional.of(owner.name()),
                agent ? Optional.of(owner.name()) : Optional.empty(), states, dueFrom, Optional.empty(), MOST_EVENTS);
    }
}

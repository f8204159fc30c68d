package org.callscore.callback.internal.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.callscore.callback.Callback;
import org.callscore.callback.CallbackState;
import org.callscore.callback.FeedOwner;

/**
 * Writes a feed's callbacks as an iCalendar document. Times are in UTC (the calendar shows them in its own zone);
 * the time the customer asked for is also written out in the customer's zone, in the description. The customer's
 * number is shortened to its last digits unless the site asks for it whole: a feed often ends up in a calendar
 * service outside the call centre, and CallScore places the call itself.
 */
final class FeedCalendar {

    /** What the feed writes besides the callbacks. */
    record Settings(Duration reminder, Duration eventLength, URI dashboard, boolean fullNumber) {
    }

    private static final DateTimeFormatter CUSTOMER_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);
    /** How long a calendar may keep the feed before it asks again. */
    private static final String REFRESH = "PT5M";
    private static final int SHOWN_DIGITS = 4;

    private final Settings settings;

    FeedCalendar(Settings settings) {
        this.settings = settings;
    }

    String write(FeedOwner owner, List<Callback> callbacks) {
        Calendar calendar = new Calendar()
                .add(new ProdId("-//CallScore//Callbacks//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(ImmutableMethod.PUBLISH)
                .add(new XProperty("X-WR-CALNAME", "CallScore callbacks: "
                        + owner.kind().name().toLowerCase(Locale.ROOT) + " " + owner.name()))
                .add(new XProperty("X-PUBLISHED-TTL", REFRESH))
                .add(new XProperty("REFRESH-INTERVAL", REFRESH));
        for (Callback callback : callbacks) {
            calendar.add(event(callback));
        }
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("feed is not valid iCalendar: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private VEvent event(Callback callback) {
        VEvent event = new VEvent(false)
                .add(new Uid(callback.id()))
                .add(new Sequence(callback.sequence()))
                .add(new DtStamp(callback.updatedAt()))
                .add(new DtStart<>(callback.dueAt()))
                .add(new DtEnd<>(callback.dueAt().plus(settings.eventLength())))
                .add(new Summary(summary(callback)))
                .add(new Description(description(callback)))
                .add(new Url(address(callback)))
                .add(callback.state() == CallbackState.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                        : ImmutableStatus.VEVENT_CONFIRMED);
        if (!callback.state().isFinal()) {
            VAlarm alarm = new VAlarm(settings.reminder().negated())
                    .add(ImmutableAction.DISPLAY)
                    .add(new Description(summary(callback)));
            event.add(alarm);
        }
        return event;
    }

    private String summary(Callback callback) {
        String call = "Call back " + number(callback.customerNumber()) + " (" + callback.queue() + ")";
        return switch (callback.state()) {
            case SCHEDULED, DIALLING -> call;
            case DONE -> "Done: " + call;
            case FAILED -> "Failed: " + call;
            case EXPIRED -> "Expired: " + call;
            case CANCELLED -> "Cancelled: " + call;
        };
    }

    private String description(Callback callback) {
        StringBuilder text = new StringBuilder();
        text.append("Queue: ").append(callback.queue()).append('\n');
        text.append("Customer's time: ").append(callback.askedFor()
                .map(at -> CUSTOMER_TIME.format(at.atZone(callback.customerZone())) + " (" + callback.customerZone()
                        + ")")
                .orElse("as soon as possible (" + callback.customerZone() + ")")).append('\n');
        if (!callback.reason().isBlank()) {
            text.append("Reason: ").append(callback.reason()).append('\n');
        }
        callback.message().ifPresent(m -> text.append("Voice message: ").append(m.length().toSeconds())
                .append(" s, heard first when CallScore calls you").append(m.recording()
                        .map(id -> "; on the dashboard at " + recordings(id)).orElse("")).append('\n'));
        text.append("State: ").append(callback.state().name().toLowerCase(Locale.ROOT))
                .append(", attempts: ").append(callback.attempts()).append('\n');
        text.append("In CallScore: ").append(address(callback));
        return text.toString();
    }

    /** @return the number to show: whole, or only its last digits */
    String number(String customerNumber) {
        if (settings.fullNumber() || customerNumber.length() <= SHOWN_DIGITS) {
            return customerNumber;
        }
        return "…" + customerNumber.substring(customerNumber.length() - SHOWN_DIGITS);
    }

    /** The recordings page's player: it asks for a login with the listening role. */
    private String recordings(long recording) {
        String base = settings.dashboard().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/recordings/" + recording;
    }

    private URI address(Callback callback) {
        String base = settings.dashboard().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/callbacks?id="
                + URLEncoder.encode(callback.id(), StandardCharsets.UTF_8));
    }
}

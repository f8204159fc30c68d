package org.callscore.ivr.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.component.VEvent;
import org.callscore.ivr.BusinessHours;

/** Reads a business-hours file, {@code NAME.ics} (iCalendar), into the calendar the menus' hours use. */
public final class CalendarFile {

    private CalendarFile() {
    }

    /**
     * @param name the calendar's name (its file name without {@code .ics})
     * @throws IvrFileException naming the file, when it is not iCalendar or an event has no start
     */
    public static BusinessHours.Calendar parse(String name, String text) {
        String file = name + ".ics";
        net.fortuna.ical4j.model.Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException | RuntimeException e) {
            throw new IvrFileException(file, "(file)", "is not an iCalendar file: " + e.getMessage());
        }
        List<VEvent> openings = new ArrayList<>();
        List<VEvent> closures = new ArrayList<>();
        for (Object component : calendar.getComponents()) {
            if (component instanceof VEvent event) {
                String uid = event.getProperty("UID").map(p -> p.getValue()).orElse("(no UID)");
                if (event.getStartDate().isEmpty()) {
                    throw new IvrFileException(file, "event " + uid, "has no DTSTART");
                }
                try {
                    // evaluate once now, so that a bad RRULE or date is reported here, not during a call
                    BusinessHours.covers(event, Instant.EPOCH, ZoneOffset.UTC);
                } catch (RuntimeException e) {
                    throw new IvrFileException(file, "event " + uid, "cannot be evaluated: " + e.getMessage());
                }
                boolean closed = event.getProperty("CATEGORIES").map(p -> p.getValue().toUpperCase(Locale.ROOT))
                        .map(c -> c.matches("(.*,)?\\s*(CLOSED|HOLIDAY)\\s*(,.*)?")).orElse(false);
                (closed ? closures : openings).add(event);
            }
        }
        return BusinessHours.Calendar.of(name, openings, closures);
    }
}

package org.callscore.callback.internal.command;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.callscore.callback.Callbacks;
import org.callscore.site.SiteZone;
import org.callscore.support.command.ModuleCommand;

/** A callback:* command: it needs the Callbacks service, and names the console user in the callback's history. */
abstract class CallbackCommand extends ModuleCommand {

    static final String UNAVAILABLE = "The callback module is not running: see callscore:status and the log "
            + "(feature callscore-callback)";
    /** How a time is keyed in an option and shown in a table: the customer's local time. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Reference(optional = true)
    Callbacks callbacks;

    @Reference(optional = true)
    SiteZone siteZone;

    /** The console user, for tests that have no shell session. */
    String user;

    CallbackCommand() {
        super(UNAVAILABLE);
    }

    @Override
    protected final Optional<String> text() {
        return callbacks == null ? Optional.empty() : Optional.of(run(callbacks));
    }

    /** @return what the command shows, given the callback module runs */
    abstract String run(Callbacks service);

    /** @return who runs the command: the Karaf user, else {@code console} */
    String actor() {
        return consoleUser(user);
    }

    ZoneId siteZone() {
        return SiteZone.of(siteZone);
    }

    /** @throws IllegalArgumentException naming the option when the value is not a local date and time */
    static ZonedDateTime at(String option, String value, ZoneId zone) {
        try {
            return LocalDateTime.parse(value.trim(), TIME).atZone(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + " " + value + ": not a time as yyyy-MM-dd HH:mm (in "
                    + zone + ")");
        }
    }
}

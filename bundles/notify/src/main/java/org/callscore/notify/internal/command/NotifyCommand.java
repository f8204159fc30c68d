package org.callscore.notify.internal.command;

import java.time.ZoneId;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.callscore.notify.Campaign;
import org.callscore.notify.Campaigns;
import org.callscore.notify.DoNotCallList;
import org.callscore.site.SiteZone;
import org.callscore.support.command.ModuleCommand;
import org.callscore.support.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notify:* command: it needs the notify services, names the console user where a change is recorded, and logs
 * each operation with that user, as the dashboard's pages do.
 */
abstract class NotifyCommand extends ModuleCommand {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyCommand.class);

    static final String UNAVAILABLE = "The notify module is not running: see callscore:status and the log "
            + "(feature callscore-notify)";

    @Reference(optional = true)
    Campaigns campaigns;

    @Reference(optional = true)
    DoNotCallList doNotCall;

    @Reference(optional = true)
    SiteZone siteZone;

    /** The console user, for tests that have no shell session. */
    String user;

    NotifyCommand() {
        super(UNAVAILABLE);
    }

    @Override
    protected final Optional<String> text() throws Exception {
        return campaigns == null || doNotCall == null ? Optional.empty() : Optional.of(run());
    }

    /** @return what the command shows, given the notify module runs */
    abstract String run() throws Exception;

    String actor() {
        return consoleUser(user);
    }

    /**
     * One INFO line: {@code Notify console: USER WHAT}, the values made log-safe. Numbers are given masked
     * ({@link org.callscore.notify.internal.PhoneNumbers#masked}), never whole.
     */
    void logged(String what, Object... values) {
        Object[] safe = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = values[i] instanceof Number ? values[i] : LogText.of(String.valueOf(values[i]));
        }
        LOG.info("Notify console: {} {}", LogText.of(actor()), String.format(what, safe));
    }

    ZoneId siteZone() {
        return SiteZone.of(siteZone);
    }

    /** @return the campaign named so, or with this id */
    Campaign campaign(String nameOrId) {
        return campaigns.findByName(nameOrId).or(() -> campaigns.find(nameOrId))
                .orElseThrow(() -> new NoSuchElementException("no campaign named " + nameOrId + " (notify:list)"));
    }

    static String line(Campaign c) {
        return c.name() + " (" + c.id() + "): " + c.state() + "\n";
    }
}

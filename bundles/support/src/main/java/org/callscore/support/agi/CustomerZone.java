package org.callscore.support.agi;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.callscore.support.text.LogText;

/**
 * The customer's time zone the dialplan names in {@code zone=} (the callback and voicemail applications): what a
 * keyed time means and where the callback's business hours are evaluated. Refused the same way by every application.
 */
public final class CustomerZone {

    private CustomerZone() {
    }

    /**
     * @param application the application's name, for the error
     * @return the request's {@code zone} parameter; empty when it is missing or empty (the site's zone then)
     * @throws AgiException when it is not a time zone
     */
    public static Optional<ZoneId> of(String application, AgiRequest request) throws AgiException {
        String zone = request.getParameter("zone");
        if (zone == null || zone.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new AgiException(application + ": zone '" + LogText.of(zone)
                    + "' is not a time zone (e.g. Europe/Paris)");
        }
    }
}

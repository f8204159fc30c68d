package org.callscore.reports.web.internal;

import java.security.SecureRandom;

import org.callscore.support.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected failure while answering a request: the exception (which may hold SQL, file names or the
 * database's words) goes to Karaf's log with a short reference, and the answer says only that reference, so an
 * administrator can find the log line a user reports.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Failures() {
    }

    /**
     * @param request what was asked, e.g. {@code GET /callscore/api/service}
     * @return the message for the answer
     */
    static String logged(String request, Throwable failure) {
        String reference = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        LOG.error("Reports web: {} failed (reference {})", LogText.of(request), reference, failure);
        return "internal error, reference " + reference + ": the detail is in Karaf's log";
    }
}

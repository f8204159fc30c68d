package org.callscore.notify.internal;

import java.util.Optional;

import org.callscore.support.rules.NumberPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's number plan, from {@code country} and {@code trunk.prefix} of {@code etc/org.callscore.notify.cfg},
 * changed while running. A wrong value is logged once and refuses what compares numbers (imports, the do-not-call
 * list) until it is put right: numbers are never compared by a plan that is not the site's.
 */
final class NumberPlanSetting {

    private static final Logger LOG = LoggerFactory.getLogger(NumberPlanSetting.class);

    /** The settings this reads, in the dialler's configuration (PID {@code org.callscore.notify}). */
    @interface Config {
        /** E.164's country calling code of the site's customers; empty: numbers compared as written. */
        String country() default "";

        /** The trunk prefix a national number starts with and its international form drops. */
        String trunk_prefix() default "0";
    }

    private final boolean logged;
    private volatile Optional<NumberPlan> plan = Optional.empty();
    private volatile String wrong;
    private String said;

    /** @param logged whether this one logs the plan when it changes (one of the module's components does) */
    NumberPlanSetting(boolean logged) {
        this.logged = logged;
    }

    synchronized void update(Config config) {
        String now;
        try {
            plan = NumberPlan.of(config.country(), config.trunk_prefix());
            wrong = null;
            now = "Notify numbers: " + plan.map(p -> "country " + p.countryCode() + (p.trunkPrefix().isEmpty()
                    ? ", no trunk prefix" : ", trunk prefix " + p.trunkPrefix()))
                    .orElse("compared as written (no country set)");
        } catch (IllegalArgumentException e) {
            wrong = e.getMessage();
            now = "Notify numbers: etc/org.callscore.notify.cfg: " + e.getMessage() + "; imports and do-not-call "
                    + "changes are refused until it is put right";
        }
        if (logged && !now.equals(said)) {
            if (wrong == null) {
                LOG.info(now);
            } else {
                LOG.error(now);
            }
        }
        said = now;
    }

    /** @throws IllegalStateException while the setting is wrong */
    Optional<NumberPlan> get() {
        String error = wrong;
        if (error != null) {
            throw new IllegalStateException("the number plan in etc/org.callscore.notify.cfg is wrong: " + error);
        }
        return plan;
    }
}

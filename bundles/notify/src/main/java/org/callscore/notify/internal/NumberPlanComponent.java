package org.callscore.notify.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;

/**
 * The base of the notify services that compare customer numbers (the campaigns' imports, the do-not-call list): the
 * site's number plan, read from {@code etc/org.callscore.notify.cfg} at activation and again when it changes, while
 * the service stays (calls may be using it). The subclass is the component; bnd finds these methods through
 * {@code -dsannotations-options: inherit} (parent pom).
 */
abstract class NumberPlanComponent {

    final NumberPlanSetting plan;

    /** @param logsPlan whether this component logs the plan when it changes (one of the module's components does) */
    NumberPlanComponent(boolean logsPlan) {
        plan = new NumberPlanSetting(logsPlan);
    }

    @Activate
    void activate(NumberPlanSetting.Config config) {
        plan.update(config);
    }

    @Modified
    void modified(NumberPlanSetting.Config config) {
        plan.update(config);
    }
}

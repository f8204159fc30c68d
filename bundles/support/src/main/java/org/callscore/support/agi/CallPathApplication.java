package org.callscore.support.agi;

import org.asteriskjava.fastagi.AgiScript;
import org.callscore.support.bundle.CallPathClasses;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;

/**
 * An AGI application whose component, when it starts, loads every class its calls may need
 * ({@link CallPathClasses}): a call still in flight while the bundle is updated can then load no class, so none may
 * be first needed mid-call. The subclass is the component ({@code @Component(service = AgiScript.class)} with its
 * {@code @AgiApplication}); bnd finds this activate method through {@code -dsannotations-options: inherit} (parent
 * pom). An application activated with its configuration has its own activate method and loads them there.
 */
public abstract class CallPathApplication implements AgiScript {

    @Activate
    protected void activate(BundleContext context) {
        CallPathClasses.load(context.getBundle());
    }
}

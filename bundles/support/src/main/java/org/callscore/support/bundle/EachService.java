package org.callscore.support.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Asks every service of a type something, as they are now, for a console command's listing. */
public final class EachService {

    private EachService() {
    }

    /** @return each service's answer, in no order (a list the caller may sort); a service whose bundle is stopping
     *         meanwhile is left out */
    public static <S, A> List<A> ask(BundleContext context, Class<S> type, Function<S, A> question)
            throws InvalidSyntaxException {
        List<A> answers = new ArrayList<>();
        for (ServiceReference<S> reference : context.getServiceReferences(type, null)) {
            S service = context.getService(reference);
            if (service != null) {
                try {
                    answers.add(question.apply(service));
                } finally {
                    context.ungetService(reference);
                }
            }
        }
        return answers;
    }
}

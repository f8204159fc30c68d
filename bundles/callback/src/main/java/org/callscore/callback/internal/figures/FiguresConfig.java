package org.callscore.callback.internal.figures;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CallScore callback figures",
        description = "How the reports count callbacks (etc/org.callscore.callback.figures.cfg)")
@interface FiguresConfig {

    String PID = "org.callscore.callback.figures";

    @AttributeDefinition(name = "On-time allowance (minutes)", min = "0",
            description = "A callback reached no later than this after the time the customer asked for (or after "
                    + "the request, when as soon as possible was asked) counts as on time")
    int on_time_minutes() default 60;
}

package org.callscore.agi.survey;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.Callbacks;
import org.callscore.support.rules.DiallableNumber;
import org.callscore.survey.CallbackRule;
import org.callscore.survey.SurveyDefinition;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closing the loop: a response that the survey file's callback rule calls for (a complaint, a low mean) becomes a
 * callback for the rule's queue, as soon as possible, tied to the response (at most one per response: the callback
 * module keeps one per survey response) and to the call. Active only while the callback module's service is there;
 * the bundle imports the callback API optionally.
 */
@Component(service = ClosingTheLoop.class)
public class SurveyCallbacks implements ClosingTheLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyCallbacks.class);

    @Reference
    private Callbacks callbacks;

    public SurveyCallbacks() {
        // for Declarative Services
    }

    SurveyCallbacks(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public void responseEnded(SurveyDefinition survey, String responseId, String callerId, String uniqueId,
            boolean complaint, OptionalDouble mean) {
        if (survey.callback().isEmpty() || !survey.callback().get().calledFor(complaint, mean)) {
            return;
        }
        CallbackRule rule = survey.callback().get();
        String reason = "survey " + survey.name() + ": " + (complaint ? "complaint" : "low score")
                + (mean.isPresent() ? String.format(Locale.ROOT, ", mean %.2f", mean.getAsDouble()) : "");
        if (!DiallableNumber.isValid(callerId)) {
            LOG.warn("Survey {} response {} calls for a callback ({}) but the call has no caller ID to call back: "
                    + "none requested", survey.name(), responseId, reason);
            return;
        }
        try {
            String id = callbacks.request(new CallbackRequest(rule.queue(), callerId, Optional.empty(),
                    Optional.empty(), reason, CallbackSource.SURVEY, Optional.empty(), Optional.of(uniqueId),
                    Optional.of(responseId), "survey"));
            LOG.info("Survey {} response {}: callback {} requested for queue {} ({})", survey.name(), responseId, id,
                    rule.queue(), reason);
        } catch (RuntimeException e) {
            // the survey is over for the caller: nothing to undo, the log says which response lacks its callback
            LOG.error("Survey {} response {} calls for a callback for queue {} ({}) that could not be requested: {}",
                    survey.name(), responseId, rule.queue(), reason, e.toString());
        }
    }
}

package org.callscore.agi.survey;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.callscore.agi.AgiApplication;
import org.callscore.support.agi.HeldReference;
import org.callscore.support.text.LogText;
import org.callscore.survey.ResponseStatus;
import org.callscore.survey.SurveyCatalog;
import org.callscore.survey.SurveyDefinition;
import org.callscore.survey.SurveyOffer;
import org.callscore.survey.SurveyResponses;
import org.callscore.support.bundle.CallPathClasses;
import org.callscore.support.rules.VoiceComment;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(agi://127.0.0.1:4573/survey?queue=...&agent=...&survey=...)}: the post-call survey. The contract
 * (parameters, variables read and set, behaviour on every error) is in docs/dialplan-contract.md.
 */
@Component(service = AgiScript.class, configurationPid = "org.callscore.agi.survey",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@AgiApplication("survey")
@Designate(ocd = SurveyApplication.Config.class)
public class SurveyApplication implements AgiScript {

    @ObjectClassDefinition(name = "CallScore survey application", description = "The survey AGI application")
    @interface Config {

        @AttributeDefinition(name = "Voice comment folder",
                description = "Folder on the Asterisk host where callers' voice comments are recorded; it must "
                        + "exist and be writable by Asterisk")
        String comment_folder() default "/var/spool/asterisk/monitor";

        @AttributeDefinition(name = "Voice comment format", description = "Asterisk's format name: wav, gsm, ...")
        String comment_format() default "wav";
    }

    private static final Logger LOG = LoggerFactory.getLogger(SurveyApplication.class);

    @Reference
    private SurveyCatalog catalog;

    @Reference
    private SurveyResponses responses;

    private final HeldReference<ClosingTheLoop> closingTheLoop = new HeldReference<>();

    private String commentFolder;
    private String commentFormat;

    @Activate
    void activate(BundleContext context, Config config) {
        CallPathClasses.load(context.getBundle());
        commentFolder = config.comment_folder().replaceAll("/+$", "");
        commentFormat = config.comment_format().trim().toLowerCase(Locale.ROOT);
    }

    @Deactivate
    void deactivate() {
        closingTheLoop.hold();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindClosingTheLoop(ClosingTheLoop service) {
        closingTheLoop.bind(service);
    }

    void unbindClosingTheLoop(ClosingTheLoop service) {
        closingTheLoop.unbind(service);
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        CallIdentity call = CallIdentity.of(request, channel);
        SurveyDefinition survey = choose(call);
        String responseId = UUID.randomUUID().toString();
        responses.offered(new SurveyOffer(responseId, survey, call.uniqueId(), call.linkedId(), call.queue(),
                call.agent(), Instant.now()));
        channel.setVariable("SURVEY_RESPONSE_ID", responseId);
        SurveyCall surveyCall = new SurveyCall(channel, survey, responses, responseId);
        boolean reachedEnd = false;
        try {
            channel.answer();
            surveyCall.run(commentFolder + "/" + VoiceComment.baseName(responseId), commentFormat);
            reachedEnd = true;
        } finally {
            ResponseStatus status = surveyCall.status();
            responses.ended(responseId, status, Instant.now(), surveyCall.comment());
            LOG.info("Survey {} on {} (queue {}, agent {}): {}{}, {}", survey.name(),
                    LogText.of(request.getChannel()), call.queue().orElse("-"), call.agent().orElse("-"),
                    status.code(), reachedEnd ? "" : " (caller gone)", answers(surveyCall.answers()));
            for (String sound : surveyCall.missingSounds()) {
                if (catalog.soundMissing(survey.name(), sound)) {
                    LOG.warn("Survey {}: Asterisk cannot play the sound '{}' ({}.survey): callers hear nothing there, "
                            + "and a question without its prompt is skipped. Install the sound on the Asterisk host "
                            + "or name another; survey:list lists such sounds (logged once)", survey.name(), sound,
                            survey.name());
                } else {
                    LOG.debug("Survey {}: sound '{}' still cannot be played", survey.name(), sound);
                }
            }
            try {
                if (reachedEnd) {
                    tellDialplan(channel, survey, surveyCall, status);
                }
            } finally {
                // after the dialplan has its answer: requesting the callback may wait on MariaDB
                Optional<ClosingTheLoop> loop = closingTheLoop.get(); // once: it may go between the test and the call
                if (loop.isPresent()) {
                    loop.get().responseEnded(survey, responseId, request.getCallerIdNumber(), call.uniqueId(),
                            surveyCall.complaint(), surveyCall.fivePointMean());
                }
            }
        }
    }

    /** @return "1 answer", "3 answers" */
    static String answers(int count) {
        return count + (count == 1 ? " answer" : " answers");
    }

    private SurveyDefinition choose(CallIdentity call) throws AgiException {
        Optional<SurveyDefinition> survey = call.survey().isPresent() ? catalog.byName(call.survey().get())
                : call.queue().flatMap(catalog::forQueue);
        if (survey.isPresent()) {
            return survey.get();
        }
        String asked = call.survey().map(name -> "no survey named '" + name + "'")
                .orElseGet(() -> call.queue().map(queue -> "no survey lists queue '" + queue + "'")
                        .orElse("neither a survey= parameter nor a queue to choose a survey by"));
        throw new AgiException(asked + " (surveys: " + catalog.names() + "; problems: " + catalog.problems().keySet()
                + ")");
    }

    private static void tellDialplan(AgiChannel channel, SurveyDefinition survey, SurveyCall surveyCall,
            ResponseStatus status) throws AgiException {
        channel.setVariable("SURVEY_NAME", survey.name());
        channel.setVariable("SURVEY_STATUS", status.code());
        channel.setVariable("SURVEY_ANSWERS", String.valueOf(surveyCall.answers()));
        channel.setVariable("SURVEY_MEAN", surveyCall.fivePointMean().isPresent()
                ? String.format(Locale.ROOT, "%.2f", surveyCall.fivePointMean().getAsDouble()) : "");
        channel.setVariable("SURVEY_COMPLAINT", surveyCall.complaint() ? "1" : "0");
    }
}

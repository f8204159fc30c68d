package org.callscore.agi.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.callscore.callback.CallbackRequest;
import org.callscore.callback.CallbackSource;
import org.callscore.callback.Callbacks;
import org.callscore.survey.SurveyDefinition;
import org.callscore.survey.internal.SurveyFile;
import org.callscore.testing.components.OneMethod;
import org.junit.jupiter.api.Test;

/** Closing the loop: which ended responses become callbacks, and what the request says. */
class SurveyCallbacksTest {

    private static final String FILE = "intro = beep\nthanks = beep\nquestion.1.prompt = beep\n"
            + "question.1.complaint.on.lowest = true\nquestion.2.prompt = beep\n"
            + "callback.queue = supervisors\ncallback.when = complaint | mean <= 2\n";
    private static final SurveyDefinition SURVEY = SurveyFile.parse("after-call", FILE);

    private final List<CallbackRequest> requested = new ArrayList<>();
    private RuntimeException refusal;

    /** Only request() is called; any other method fails the test. */
    private Callbacks callbacks() {
        return OneMethod.of(Callbacks.class, "request", args -> {
            if (refusal != null) {
                throw refusal;
            }
            requested.add((CallbackRequest) args[0]);
            return "cb-" + requested.size();
        });
    }

    @Test
    void aComplaintBecomesACallbackForTheSupervisorsTiedToTheResponseAndTheCall() {
        new SurveyCallbacks(callbacks()).responseEnded(SURVEY, "response-1", "0612345678", "1700000000.42", true,
                OptionalDouble.of(3.5));

        assertThat(requested).hasSize(1);
        CallbackRequest r = requested.get(0);
        assertThat(r.queue()).isEqualTo("supervisors");
        assertThat(r.customerNumber()).isEqualTo("0612345678");
        assertThat(r.source()).isEqualTo(CallbackSource.SURVEY);
        assertThat(r.surveyResponse()).contains("response-1");
        assertThat(r.callUniqueId()).contains("1700000000.42");
        assertThat(r.askedFor()).isEmpty();
        assertThat(r.reason()).isEqualTo("survey after-call: complaint, mean 3.50");
        assertThat(r.actor()).isEqualTo("survey");
    }

    @Test
    void aLowMeanAloneIsEnoughAndAGoodResponseIsNot() {
        SurveyCallbacks loop = new SurveyCallbacks(callbacks());
        loop.responseEnded(SURVEY, "low", "0612345678", "1700000000.1", false, OptionalDouble.of(1.5));
        loop.responseEnded(SURVEY, "good", "0612345678", "1700000000.2", false, OptionalDouble.of(4));
        loop.responseEnded(SURVEY, "none", "0612345678", "1700000000.3", false, OptionalDouble.empty());

        assertThat(requested).extracting(r -> r.surveyResponse().orElseThrow()).containsExactly("low");
        assertThat(requested.get(0).reason()).isEqualTo("survey after-call: low score, mean 1.50");
    }

    @Test
    void aSurveyWithoutARuleAndACallerWithoutANumberRequestNothing() {
        SurveyCallbacks loop = new SurveyCallbacks(callbacks());
        loop.responseEnded(SurveyFile.parse("plain", "intro = beep\nthanks = beep\nquestion.1.prompt = beep\n"),
                "r1", "0612345678", "1700000000.1", true, OptionalDouble.of(1));
        loop.responseEnded(SURVEY, "r2", null, "1700000000.2", true, OptionalDouble.of(1));
        loop.responseEnded(SURVEY, "r3", "anonymous", "1700000000.3", true, OptionalDouble.of(1));

        assertThat(requested).isEmpty();
    }

    @Test
    void aRefusedRequestIsLoggedNeverThrownAtTheSurvey() {
        refusal = new IllegalStateException("callback not recorded: MariaDB does not answer and the spool cannot be "
                + "written");

        new SurveyCallbacks(callbacks()).responseEnded(SURVEY, "r1", "0612345678", "1700000000.1", true,
                OptionalDouble.of(1));

        assertThat(requested).isEmpty();
    }
}

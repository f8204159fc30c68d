package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;

import org.callscore.survey.CallbackRule;
import org.junit.jupiter.api.Test;

/** A survey file's callback rule: parsed, checked against the questions, refused naming the key. */
class SurveyFileCallbackRuleTest {

    private static final String SURVEY = "intro = beep\nthanks = beep\nquestion.1.prompt = beep\n"
            + "question.1.complaint.on.lowest = true\nquestion.2.prompt = beep\nquestion.2.scale = yes-no\n";

    private static CallbackRule rule(String lines) {
        return SurveyFile.parse("s", SURVEY + lines).callback().orElseThrow();
    }

    private static void refused(String lines, String message) {
        assertThatThrownBy(() -> SurveyFile.parse("s", SURVEY + lines)).isInstanceOf(SurveyFileException.class)
                .hasMessage(message);
    }

    @Test
    void complaintOrALowMean() {
        CallbackRule rule = rule("callback.queue = supervisors\ncallback.when = complaint | mean <= 2\n");
        assertThat(rule).isEqualTo(new CallbackRule("supervisors", true, OptionalDouble.of(2)));
        assertThat(rule.calledFor(true, OptionalDouble.of(5))).isTrue();
        assertThat(rule.calledFor(false, OptionalDouble.of(2))).isTrue();
        assertThat(rule.calledFor(false, OptionalDouble.of(2.01))).isFalse();
        assertThat(rule.calledFor(false, OptionalDouble.empty())).isFalse();
        assertThat(rule("callback.queue = supervisors\ncallback.when = mean<=1.5\n"))
                .isEqualTo(new CallbackRule("supervisors", false, OptionalDouble.of(1.5)));
        assertThat(SurveyFile.parse("s", SURVEY).callback()).isEmpty();
    }

    @Test
    void mistakesAreRefusedNamingTheKey() {
        refused("callback.when = complaint\n", "survey s: callback.queue is required with callback.when: the queue "
                + "whose supervisors call back");
        refused("callback.queue = supervisors\n", "survey s: callback.when is required with callback.queue: "
                + "complaint, mean <= N (1-5), or both joined by |");
        refused("callback.queue = a,b\ncallback.when = complaint\n", "survey s: callback.queue 'a,b' is not a queue name");
        refused("callback.queue = supervisors\ncallback.when = mean < 2\n", "survey s: callback.when 'mean < 2' is "
                + "not a condition (or is given twice): use complaint, mean <= N (N 1-5), or both joined by |");
        refused("callback.queue = supervisors\ncallback.when = mean <= 7\n", "survey s: callback.when 'mean <= 7' is "
                + "not a condition (or is given twice): use complaint, mean <= N (N 1-5), or both joined by |");
        refused("callback.queue = supervisors\ncallback.when = complaint | complaint\n", "survey s: callback.when "
                + "'complaint' is not a condition (or is given twice): use complaint, mean <= N (N 1-5), or both "
                + "joined by |");
        refused("callback.queue = supervisors\ncallback.when = complaint |\n", "survey s: callback.when '' is not a "
                + "condition (or is given twice): use complaint, mean <= N (N 1-5), or both joined by |");
    }

    @Test
    void aConditionTheQuestionsCannotMeetIsRefused() {
        String yesNoOnly = "intro = beep\nthanks = beep\nquestion.1.prompt = beep\nquestion.1.scale = yes-no\n";
        assertThatThrownBy(() -> SurveyFile.parse("s", yesNoOnly + "callback.queue = q\ncallback.when = mean <= 2\n"))
                .hasMessage("survey s: callback.when mean needs a question on the 1-5 scale");
        assertThatThrownBy(() -> SurveyFile.parse("s", yesNoOnly + "callback.queue = q\ncallback.when = complaint\n"))
                .hasMessage("survey s: callback.when complaint needs a question with complaint.on.lowest or "
                        + "complaint.on.yes");
    }
}

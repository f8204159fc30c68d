package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.callscore.survey.Question;
import org.callscore.survey.SurveyDefinition;
import org.callscore.testing.files.FileMutations;
import org.junit.jupiter.api.Test;

/**
 * Random edits of the shipped example survey: every one either parses or is refused with a
 * {@link SurveyFileException} naming the survey and the key, never with another exception. The demo's survey
 * (docs/examples) is a survey too.
 */
class SurveyFileFuzzTest {

    private static final Path EXAMPLE = Path.of("../../feature-repo/distribution/src/main/resources/assembly/etc/"
            + "callscore/surveys/after-call.survey");
    /** The demo's survey (./callscore run --demo copies it into the runtime). */
    private static final Path DEMO = Path.of("../../docs/examples/demo.survey");
    private static final int CASES = 4_000;
    private static final List<String> VOCABULARY = List.of("question.1.prompt", "question.4.prompt", "question.0.id",
            "question.01.prompt", "question.999.prompt", "question.1.scale", "question.1.retries", "question.1.id",
            "question.2.complaint.on.yes", "question.1.timeout.seconds", "comment.max.seconds", "attitude", "beep",
            "sales, support", "sales,,support");

    @Test
    void theDemosSurveyIsAValidSurveyOfItsTwoQueues() throws Exception {
        SurveyDefinition demo = SurveyFile.parse("demo", Files.readString(DEMO));
        assertThat(demo.queues()).containsExactlyInAnyOrder("sales", "support");
        assertThat(demo.questions()).extracting(Question::id).containsExactly("attitude", "solved", "competence");
    }

    @Test
    void everyMalformedSurveyIsRefusedNamingTheSurveyAndTheKey() throws Exception {
        String example = Files.readString(EXAMPLE);
        SurveyFile.parse("after-call", example); // the example itself is fine
        List<String> escapes = new ArrayList<>();
        int refused = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            String text = FileMutations.mutate(example, new Random(seed), '=', VOCABULARY);
            try {
                SurveyDefinition survey = SurveyFile.parse("after-call", text);
                assertThat(survey.questions()).as("seed %d", seed).isNotEmpty();
            } catch (SurveyFileException e) {
                refused++;
                if (e.key().isBlank() || !e.getMessage().startsWith("survey after-call: " + e.key() + " ")) {
                    escapes.add("seed " + seed + ": message does not name the survey and key: " + e.getMessage());
                }
            } catch (Throwable t) { // NOPMD: anything else is what this test looks for
                escapes.add("seed " + seed + ": " + t + " for " + FileMutations.shown(text));
            }
        }
        assertThat(escapes).as("escapes").isEmpty();
        // some cases parse, most do not: the edits reach past the first check
        assertThat(refused).as("cases refused").isBetween(CASES / 20, CASES - CASES / 50);
    }
}

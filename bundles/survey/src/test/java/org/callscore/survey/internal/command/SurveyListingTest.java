package org.callscore.survey.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.callscore.survey.SurveyCatalog;
import org.callscore.survey.SurveyDefinition;
import org.callscore.survey.internal.SurveyFile;
import org.junit.jupiter.api.Test;

class SurveyListingTest {

    private static SurveyCatalog catalog(SurveyDefinition survey, Map<String, String> problems) {
        return catalog(survey, problems, Map.of());
    }

    /** One survey, the files refused, and the sounds Asterisk could not play. */
    private static SurveyCatalog catalog(SurveyDefinition survey, Map<String, String> problems,
            Map<String, SortedSet<String>> missingSounds) {
        return new SurveyCatalog() {
            @Override
            public Optional<SurveyDefinition> byName(String name) {
                return Optional.of(survey).filter(s -> s.name().equals(name));
            }

            @Override
            public Optional<SurveyDefinition> forQueue(String queue) {
                return Optional.empty();
            }

            @Override
            public SortedSet<String> names() {
                return new TreeSet<>(java.util.Set.of(survey.name()));
            }

            @Override
            public Map<String, String> problems() {
                return problems;
            }

            @Override
            public Map<String, SortedSet<String>> missingSounds() {
                return missingSounds;
            }
        };
    }

    @Test
    void listsSurveysQuestionsRefusedFilesAndTheJournal() {
        SurveyDefinition survey = SurveyFile.parse("after-call", "queues = support, sales\nintro = i\nthanks = t\n"
                + "question.1.id = attitude\nquestion.1.prompt = q/attitude\nquestion.1.dimension = empathy\n"
                + "question.1.complaint.on.lowest = true\nquestion.2.prompt = q/nps\nquestion.2.scale = 0-10\n");

        String text = SurveyListing.render(catalog(survey, Map.of("broken.survey", "survey broken: intro is required")),
                4);

        assertThat(text).contains(String.format("%-20s %-24s %-9s %-12s%n", "after-call", "sales,support", 2,
                survey.version().substring(0, 12)))
                .contains("  attitude         1-5       empathy          q/attitude, complaint on lowest\n")
                .contains("  q2               0-10      -                q/nps\n")
                .contains("  broken.survey: survey broken: intro is required\n")
                .endsWith("Survey journal: 4 events wait for MariaDB\n");
        assertThat(SurveyListing.render(catalog(survey, Map.of()), -1))
                .doesNotContain("refused").endsWith("Survey responses: not running (answers cannot be taken)\n");
    }

    @Test
    void namesTheSoundsAsteriskCouldNotPlay() {
        SurveyDefinition survey = SurveyFile.parse("after-call", "intro = i\nthanks = t\nquestion.1.prompt = q/nps\n");
        SurveyCatalog catalog = catalog(survey, Map.of());
        SurveyCatalog missing = catalog(survey, Map.of(),
                Map.of("after-call", new TreeSet<>(java.util.List.of("q/nps", "i"))));

        assertThat(SurveyListing.render(missing, 0)).contains("Sounds Asterisk could not play")
                .contains("  after-call: i, q/nps\n");
        assertThat(SurveyListing.render(catalog, 0)).doesNotContain("could not play");
    }
}

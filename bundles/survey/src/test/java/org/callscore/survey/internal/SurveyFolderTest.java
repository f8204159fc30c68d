package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyFolderTest {

    private static final String ONE_QUESTION = "queues = sales\nintro = i\nthanks = t\nquestion.1.prompt = q1\n";

    @TempDir
    Path folder;

    private void write(String fileName, String text, int secondsAgo) throws Exception {
        Path file = folder.resolve(fileName);
        Files.writeString(file, text);
        // a distinct time per version: file systems may keep only whole seconds
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    @Test
    void loadsFilesAndFindsSurveysByNameAndQueue() throws Exception {
        write("after-call.survey", ONE_QUESTION, 10);
        write("notes.txt", "not a survey", 10);
        SurveyFolder surveys = new SurveyFolder(folder);

        surveys.scan();

        assertThat(surveys.names()).containsExactly("after-call");
        assertThat(surveys.forQueue("sales")).get().extracting(s -> s.name()).isEqualTo("after-call");
        assertThat(surveys.forQueue("support")).isEmpty();
    }

    @Test
    void aChangedFileIsUsedAtTheNextScanAndABrokenEditKeepsTheLastGoodVersion() throws Exception {
        write("after-call.survey", ONE_QUESTION, 30);
        SurveyFolder surveys = new SurveyFolder(folder);
        surveys.scan();

        write("after-call.survey", ONE_QUESTION + "question.2.prompt = q2\n", 20);
        surveys.scan();
        assertThat(surveys.byName("after-call").orElseThrow().questions()).hasSize(2);

        write("after-call.survey", ONE_QUESTION + "question.2.prompt = ../../etc/passwd\n", 10);
        surveys.scan();
        assertThat(surveys.byName("after-call").orElseThrow().questions()).as("last good version").hasSize(2);
        assertThat(surveys.problems()).containsOnlyKeys("after-call.survey");
        assertThat(surveys.problems().get("after-call.survey")).contains("question.2.prompt");
    }

    @Test
    void aDeletedFileRemovesItsSurvey() throws Exception {
        write("after-call.survey", ONE_QUESTION, 10);
        SurveyFolder surveys = new SurveyFolder(folder);
        surveys.scan();

        Files.delete(folder.resolve("after-call.survey"));
        surveys.scan();

        assertThat(surveys.byName("after-call")).isEmpty();
    }

    @Test
    void aMissingFolderMeansNoSurveysNotAnError() {
        SurveyFolder surveys = new SurveyFolder(folder.resolve("absent"));

        surveys.scan();

        assertThat(surveys.names()).isEmpty();
        assertThat(surveys.problems()).isEmpty();
    }
}

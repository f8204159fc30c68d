package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.callscore.testing.files.HugeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bad file never stops the other files of the folder from loading, nor a file dropped in later. */
class SurveyFolderResilienceTest {

    private static final String SURVEY = "intro = beep\nthanks = beep\nquestion.1.prompt = beep\n";

    @TempDir
    Path folder;

    private void write(String fileName, String text) throws Exception {
        Files.writeString(folder.resolve(fileName), text);
        Files.setLastModifiedTime(folder.resolve(fileName), FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void filesThatCannotBeReadAreNamedAndTheOthersLoadAsDoesAFileDroppedInLater() throws Exception {
        for (int i = 0; i < 20; i++) {
            write("good-" + i + ".survey", SURVEY);
        }
        HugeFile.at(folder.resolve("copied-log.survey")); // a copied log of gigabytes
        Files.write(folder.resolve("latin1.survey"), new byte[] {'i', 'n', 't', 'r', 'o', '=', (byte) 0xE9, '\n'});
        Files.createDirectory(folder.resolve("folder.survey"));
        write("broken.survey", SURVEY + "question.1.scale = 1-7\n");
        SurveyFolder surveys = new SurveyFolder(folder);

        surveys.scan();

        assertThat(surveys.names()).hasSize(20).allMatch(name -> name.startsWith("good-"));
        assertThat(surveys.problems()).containsOnlyKeys("copied-log.survey", "latin1.survey", "folder.survey",
                "broken.survey");
        assertThat(surveys.problems().get("copied-log.survey")).isEqualTo("cannot be read: it is larger than 1024 KiB "
                + "(3221225472 bytes): not a definition file");
        assertThat(surveys.problems().get("latin1.survey")).isEqualTo("cannot be read: it is not UTF-8 text (save it as "
                + "UTF-8)");
        assertThat(surveys.problems().get("folder.survey")).startsWith("cannot be read: it is not a regular file");
        assertThat(surveys.problems().get("broken.survey")).contains("question.1.scale");

        write("dropped-later.survey", SURVEY);
        surveys.scan();
        assertThat(surveys.names()).contains("dropped-later").hasSize(21);

        Files.delete(folder.resolve("copied-log.survey"));
        Files.delete(folder.resolve("latin1.survey"));
        surveys.scan();
        assertThat(surveys.problems()).containsOnlyKeys("folder.survey", "broken.survey");
    }

    @Test
    void aPipeNamedLikeASurveyDoesNotBlockTheScan() throws Exception {
        write("good.survey", SURVEY);
        // reading a pipe waits for a writer for ever: the scan would never end, and no file be read again
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("pipe.survey").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        SurveyFolder surveys = new SurveyFolder(folder);

        surveys.scan();

        assertThat(surveys.names()).containsExactly("good");
        assertThat(surveys.problems().get("pipe.survey")).startsWith("cannot be read: it is not a regular file");
    }
}

package org.callscore.support.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RefusedFilesTest {

    @Test
    void namesEachFileRefusedAndWhyByFileName() {
        assertThat(RefusedFiles.listing("a survey", Map.of("z.survey", "survey broken: intro is required",
                "a.survey", "cannot be read: it is not UTF-8 text (save it as UTF-8)")))
                .isEqualTo("\nFiles refused (a survey keeps its last good version meanwhile):\n"
                        + "  a.survey: cannot be read: it is not UTF-8 text (save it as UTF-8)\n"
                        + "  z.survey: survey broken: intro is required\n");
    }

    @Test
    void saysNothingWhenNoFileWasRefused() {
        assertThat(RefusedFiles.listing("a file", Map.of())).isEmpty();
    }
}

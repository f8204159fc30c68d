package org.callscore.support.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path folder;

    @Test
    void appendsAfterWhatIsThere() throws IOException {
        Path journal = folder.resolve("journal");
        DurableFiles.append(journal, bytes("one\n"));
        DurableFiles.append(journal, bytes("two\n"));
        assertThat(Files.readString(journal)).isEqualTo("one\ntwo\n");
    }

    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = folder.resolve("visit");
        Path partial = folder.resolve("visit.partial");
        Files.writeString(target, "old and longer");
        DurableFiles.replace(partial, target, ByteBuffer.wrap(bytes("new")));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(partial).doesNotExist();
    }

    @Test
    void aFailedReplaceLeavesTheOldFile() throws IOException {
        Path target = folder.resolve("visit");
        Files.writeString(target, "old");
        Path impossible = folder.resolve("no-such-folder").resolve("visit.partial");
        assertThatThrownBy(() -> DurableFiles.replace(impossible, target, ByteBuffer.wrap(bytes("new"))))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

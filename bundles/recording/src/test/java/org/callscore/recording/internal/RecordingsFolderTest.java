package org.callscore.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.callscore.recording.RecordingRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are served only from inside the recordings folder, whatever the stored name says. */
class RecordingsFolderTest {

    @TempDir
    Path temp;
    private Path root;
    private RecordingsFolder folder;

    @BeforeEach
    void files() throws Exception {
        root = Files.createDirectories(temp.resolve("recordings"));
        Files.createDirectories(root.resolve("pbx1/2026-12-02"));
        Files.writeString(root.resolve("pbx1/2026-12-02/queue-1.1.wav"), "sound");
        Files.writeString(temp.resolve("secret.txt"), "not a recording");
        folder = new RecordingsFolder(root);
    }

    @Test
    void aFileInsideIsOpenedAtItsRealPath() throws Exception {
        assertThat(folder.open("pbx1/2026-12-02/queue-1.1.wav"))
                .isEqualTo(root.resolve("pbx1/2026-12-02/queue-1.1.wav").toRealPath());
    }

    @Test
    void dotDotIsRefused() {
        refused("../secret.txt", "'..'");
        refused("pbx1/../../secret.txt", "'..'");
        refused("pbx1/./2026-12-02/queue-1.1.wav", "'.'");
    }

    @Test
    void anEncodedNameIsRefused() {
        refused("%2e%2e/secret.txt", "encoded");
        refused("pbx1%2F..%2F..%2Fsecret.txt", "encoded");
    }

    @Test
    void anAbsolutePathIsRefused() {
        refused(temp.resolve("secret.txt").toString(), "absolute");
        refused("C:\\secret.txt", "absolute");
        refused("\\\\server\\share\\x.wav", "absolute");
    }

    @Test
    void aLinkOutOfTheFolderIsRefusedAndOneInsideIsFollowed() throws Exception {
        Files.createSymbolicLink(root.resolve("out.wav"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outside"), temp);
        Files.createSymbolicLink(root.resolve("in.wav"), root.resolve("pbx1/2026-12-02/queue-1.1.wav"));
        refused("out.wav", "a link leads out");
        refused("outside/secret.txt", "a link leads out");
        assertThat(folder.open("in.wav")).isEqualTo(root.resolve("pbx1/2026-12-02/queue-1.1.wav").toRealPath());
    }

    @Test
    void aMissingFileOrAFolderIsRefused() {
        refused("pbx1/2026-12-02/queue-2.2.wav", "file missing");
        refused("pbx1", "not a file");
        refused("", "no file");
    }

    private void refused(String name, String why) {
        assertThatThrownBy(() -> folder.open(name)).as(name).isInstanceOf(RecordingRefusedException.class)
                .hasMessageContaining(why);
    }
}

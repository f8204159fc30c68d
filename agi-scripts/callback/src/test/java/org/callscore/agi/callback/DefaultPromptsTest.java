package org.callscore.agi.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The default prompts are sounds of asterisk-core-sounds-en, so a site that changes nothing hears every one. */
class DefaultPromptsTest {

    /** The Asterisk root the end-to-end tests run in (itests/asterisk/pbx build; CALLSCORE_PBX_ROOT, as there). */
    private static final Path PBX_ROOT = Path.of(Optional.ofNullable(System.getenv("CALLSCORE_PBX_ROOT"))
            .filter(root -> !root.isBlank()).orElse("/var/cache/callscore/asterisk-root"));

    private static List<String> defaultSounds() throws Exception {
        List<String> sounds = new ArrayList<>();
        for (Method setting : CallbackApplication.Config.class.getDeclaredMethods()) {
            if (setting.getName().startsWith("prompt_")) {
                sounds.addAll(List.of(((String) setting.getDefaultValue()).split("&")));
            }
        }
        return sounds;
    }

    /** sounds/en is a link to /etc/alternatives/..., itself a link: absolute inside the root. */
    private static Path inRoot(Path path) throws IOException {
        Path resolved = path;
        for (int links = 0; Files.isSymbolicLink(resolved) && links < 8; links++) {
            Path target = Files.readSymbolicLink(resolved);
            resolved = target.isAbsolute() ? PBX_ROOT.resolve(target.toString().substring(1))
                    : resolved.resolveSibling(target);
        }
        return resolved;
    }

    @Test
    void everyDefaultPromptIsACoreSound() throws Exception {
        Path english = inRoot(PBX_ROOT.resolve("usr/share/asterisk/sounds/en"));
        assumeTrue(Files.isDirectory(english), "no Asterisk root at " + PBX_ROOT);
        List<String> sounds = defaultSounds();
        assertThat(sounds).hasSizeGreaterThan(10);
        for (String sound : sounds) {
            Path folder = english.resolve(sound).getParent();
            String name = english.resolve(sound).getFileName().toString();
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("sound %s in %s", sound, folder).anyMatch(f -> f.startsWith(name + "."));
            }
        }
    }

    @Test
    void theDefaultsAreAValidConfiguration() throws Exception {
        assertThat(defaultSounds()).allMatch(org.callscore.support.definition.SoundNames::isValid);
    }
}

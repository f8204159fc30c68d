package org.callscore.ami.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The example the distribution ships says every setting, under the names Config Admin hands to the component. */
class ExampleConfigurationTest {

    private static final Path EXAMPLE = Path.of("../../feature-repo/distribution/src/main/resources/assembly/etc/"
            + "org.callscore.ami-pbx.cfg.example");

    @Test
    void theExampleHasEverySettingUnderItsConfigAdminName() throws IOException {
        Properties example = new Properties();
        try (Reader in = Files.newBufferedReader(EXAMPLE, StandardCharsets.UTF_8)) {
            example.load(in);
        }
        // DS maps an attribute method name to its property: a single '_' becomes '.'
        Set<String> settings = Arrays.stream(AsteriskManagerComponent.Config.class.getDeclaredMethods())
                .map(Method::getName).map(name -> name.replace('_', '.')).collect(Collectors.toSet());
        settings.remove("server"); // named after the file unless set

        assertThat(example.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(settings);
    }
}

package org.callscore.callback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The shipped etc/org.callscore.callback.cfg names only settings the module reads (a misspelt key would silently
 * leave the default in force), and gives each the value the module would use without it.
 */
class ShippedConfigTest {

    private static final Path SHIPPED =
            Path.of("../../feature-repo/distribution/src/main/resources/assembly/etc/org.callscore.callback.cfg");

    @Test
    void everyShippedKeyIsASettingWithItsDefault() throws Exception {
        Properties shipped = new Properties();
        try (Reader reader = Files.newBufferedReader(SHIPPED)) {
            shipped.load(reader);
        }
        assertThat(shipped).isNotEmpty();
        for (String key : shipped.stringPropertyNames()) {
            Method setting = CallbackConfig.class.getDeclaredMethod(key.replace('.', '_'));
            // what Karaf's file install makes of the value: "$\{" (written "$\\{") stays "${", unlike a plain "${"
            String value = shipped.getProperty(key);
            assertThat(value).as(key + ": a plain ${ is interpolated by Karaf").doesNotContain("${");
            assertThat(String.valueOf(setting.getDefaultValue())).as(key).isEqualTo(value.replace("$\\{", "${"));
        }
        for (Method setting : CallbackConfig.class.getDeclaredMethods()) {
            assertThat(shipped).as("shipped cfg documents " + setting.getName())
                    .containsKey(setting.getName().replace('_', '.'));
        }
    }
}

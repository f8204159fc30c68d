package org.callscore.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The shipped etc/org.callscore.notify.cfg names only settings the module reads (the dialler's and the number
 * plan's; a misspelt key would silently leave the default in force), each with the value used without it.
 */
class ShippedConfigTest {

    private static final Path SHIPPED =
            Path.of("../../feature-repo/distribution/src/main/resources/assembly/etc/org.callscore.notify.cfg");

    private static Method setting(String key) {
        String name = key.replace('.', '_');
        for (Class<?> config : List.of(NotifyConfig.class, NumberPlanSetting.Config.class)) {
            for (Method m : config.getDeclaredMethods()) {
                if (m.getName().equals(name)) {
                    return m;
                }
            }
        }
        throw new AssertionError(key + " is shipped but no setting of the notify module");
    }

    @Test
    void everyShippedKeyIsASettingWithItsDefaultAndEverySettingIsShipped() throws Exception {
        Properties shipped = new Properties();
        try (Reader reader = Files.newBufferedReader(SHIPPED)) {
            shipped.load(reader);
        }
        assertThat(shipped).containsKeys("country", "trunk.prefix");
        for (String key : shipped.stringPropertyNames()) {
            String value = shipped.getProperty(key);
            assertThat(value).as(key + ": a plain ${ is interpolated by Karaf").doesNotContain("${");
            assertThat(String.valueOf(setting(key).getDefaultValue())).as(key).isEqualTo(value.replace("$\\{", "${"));
        }
        List<Method> settings = new ArrayList<>(List.of(NotifyConfig.class.getDeclaredMethods()));
        settings.addAll(List.of(NumberPlanSetting.Config.class.getDeclaredMethods()));
        for (Method m : settings) {
            if (m.getDefaultValue() != null) {
                assertThat(shipped).as("the shipped cfg documents " + m.getName()).containsKey(m.getName().replace('_', '.'));
            }
        }
    }
}

package org.callscore.agi;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the settings of a file an administrator writes for an AGI application (Java properties syntax: a
 * survey, a menu tree). A blank value is no value, and a value that does not fit is reported through
 * {@link #problem}, naming the key, so that every file format answers the same mistake the same way.
 */
public abstract class SettingsReader {

    private final Properties properties;

    protected SettingsReader(Properties properties) {
        this.properties = properties;
    }

    /** @return the exception for a key whose value is wrong; its message names the file and the key */
    protected abstract RuntimeException problem(String key, String problem);

    /** @return every key of the file */
    public Set<String> keys() {
        return properties.stringPropertyNames();
    }

    /** @return the trimmed value, or null when the key is missing or blank */
    public String value(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return the sound named by the key, or {@code fallback} (which may be null) when there is none */
    public String sound(String key, String fallback) {
        String value = value(key);
        return value == null ? fallback : checkSound(key, value);
    }

    public String requiredSound(String key) {
        String value = value(key);
        if (value == null) {
            throw problem(key, "is required (an Asterisk sound name)");
        }
        return checkSound(key, value);
    }

    public Optional<String> optionalSound(String key) {
        return Optional.ofNullable(sound(key, null));
    }

    /** @return {@code value} when it is a sound name Asterisk may be asked to play */
    public String checkSound(String key, String value) {
        if (!SoundNames.isValid(value)) {
            throw problem(key, "'" + value + "' is not an Asterisk sound name (" + SoundNames.RULE + ")");
        }
        return value;
    }

    public int integer(String key, int fallback, int min, int max) {
        String value = value(key);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(key, "'" + value + "' is not a whole number in " + min + ".." + max);
    }

    /** @return false when missing; true or false in any case, anything else is a mistake */
    public boolean bool(String key) {
        String value = value(key);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw problem(key, "'" + value + "' is neither true nor false");
    }
}

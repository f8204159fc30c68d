package org.callscore.support.definition;

import org.callscore.support.rules.DefinitionName;
import org.callscore.support.text.LogText;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads the settings of a file an administrator writes for an AGI application (Java properties syntax: a
 * survey, a menu tree). A blank value is no value, and a value that does not fit is reported through
 * {@link #problem}, naming the key, so that every file format answers the same mistake the same way.
 */
public abstract class SettingsReader {

    private final Properties properties;
    private final BiFunction<String, String, ? extends RuntimeException> problems;

    /**
     * Opens a file the same way for every format: its name checked by the one rule ({@link DefinitionName}), then
     * its text read as Java properties.
     *
     * @param name     the file's name without its extension
     * @param text     the file's content
     * @param problems makes the file format's exception for a key and what is wrong with it; its message names
     *                 the file and the key
     * @throws RuntimeException made by {@code problems}: key {@code name} for a name the rule refuses,
     *                          {@code (file)} for text that is not in properties syntax
     */
    protected SettingsReader(String name, String text, BiFunction<String, String, ? extends RuntimeException> problems) {
        if (!DefinitionName.isValid(name)) {
            throw problems.apply("name", "must be " + DefinitionName.RULE);
        }
        this.properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw problems.apply("(file)", "is not in properties syntax: " + e.getMessage());
        }
        this.problems = problems;
    }

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,10}");

    /** @return the exception for a key whose value is wrong; its message names the file and the key */
    public final RuntimeException problem(String key, String problem) {
        return problems.apply(key, problem);
    }

    /**
     * @return a value as an error message quotes it: control characters made visible and a long value cut, so
     *         that one log line names the mistake
     */
    public static String quote(String value) {
        return "'" + LogText.of(value) + "'";
    }

    /**
     * @return the exception for a key no setting has, or a line with no key at all (it starts with {@code =}
     *         or {@code :}); {@code what} says what the file's settings are, e.g. {@code a survey setting}
     */
    public RuntimeException unknownKey(String key, String what) {
        if (key.isBlank()) {
            return problem("(no key)", "a line starts with '=' or ':' (its value " + quote(properties.getProperty(key))
                    + "): every setting is KEY = VALUE");
        }
        return problem(LogText.of(key), "is not " + what + " (misspelt?)");
    }

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
            throw problem(key, quote(value) + " is not an Asterisk sound name (" + SoundNames.RULE + ")");
        }
        return value;
    }

    public int integer(String key, int fallback, int min, int max) {
        String value = value(key);
        if (value == null) {
            return fallback;
        }
        if (WHOLE_NUMBER.matcher(value).matches()) { // ASCII digits only: parseInt also takes other scripts' digits
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        throw problem(key, quote(value) + " is not a whole number in " + min + ".." + max);
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
        throw problem(key, quote(value) + " is neither true nor false");
    }
}

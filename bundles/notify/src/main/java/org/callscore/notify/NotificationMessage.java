package org.callscore.notify;

import java.util.Objects;
import org.callscore.support.definition.SoundNames;
import org.callscore.support.text.LogText;

/**
 * What is played.
 *
 * @param source where the sound comes from
 * @param name   for {@link MessageSource#SOUND}: an Asterisk sound name without extension, e.g.
 *               {@code custom/water-outage}; for {@link MessageSource#RECORDED}: the name of a message recorded by
 *               phone, kept in the notify module's messages folder
 */
public record NotificationMessage(MessageSource source, String name) {

    public enum MessageSource {
        /** a sound Asterisk already has in its sounds folder */
        SOUND,
        /** a message recorded by phone for notifications */
        RECORDED
    }

    public NotificationMessage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        if (!SoundNames.isValid(name)) {
            throw new IllegalArgumentException("message name must be " + SoundNames.RULE + ": '" + LogText.of(name)
                    + "'");
        }
    }

    public static NotificationMessage sound(String name) {
        return new NotificationMessage(MessageSource.SOUND, name);
    }
}

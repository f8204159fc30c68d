package org.callscore.agi.callback;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.callscore.support.definition.SoundNames;

/**
 * The sounds the callback flow plays. Each is one or more sound names joined by {@code &} (Asterisk plays them in
 * turn); the defaults are sounds of asterisk-core-sounds-en, so every Asterisk has them.
 *
 * @param numberIntro   before the caller's number is read back
 * @param confirm       after a read-back: 1 confirms, 2 changes
 * @param enterNumber   asks for another number, ended by #
 * @param when          1 as soon as possible, 2 a day and time
 * @param enterTime     asks for HHMM or DDHHMM, ended by #
 * @param timeIntro     before the time is read back
 * @param invalid       after an invalid key or silence
 * @param thanks        once the callback is stored
 * @param sorry         when it cannot be stored (the callback module not running, the request refused)
 */
record Prompts(String numberIntro, String confirm, String enterNumber, String when, String enterTime,
        String timeIntro, String invalid, String thanks, String sorry) {

    Prompts {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("prompt.number", numberIntro);
        all.put("prompt.confirm", confirm);
        all.put("prompt.enter.number", enterNumber);
        all.put("prompt.when", when);
        all.put("prompt.enter.time", enterTime);
        all.put("prompt.time", timeIntro);
        all.put("prompt.invalid", invalid);
        all.put("prompt.thanks", thanks);
        all.put("prompt.sorry", sorry);
        all.forEach((key, value) -> {
            if (value == null || !Arrays.stream(value.split("&", -1)).allMatch(SoundNames::isValid)) {
                throw new IllegalArgumentException("org.callscore.agi.callback: " + key + " = '" + value
                        + "' is not a list of sound names joined by '&' (each " + SoundNames.RULE + ")");
            }
        });
    }
}

package org.callscore.ivr;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One menu of a menu file.
 *
 * @param id             its id in the file ({@code menu.ID.*})
 * @param prompts        sounds played in order; a key interrupts them
 * @param keys           key ({@code 0}-{@code 9}, {@code *}, {@code #}) to action; never the agent key
 * @param timeoutSeconds how long the caller has to press a key after the prompts
 * @param retries        how many more times the menu is offered after silence or an invalid key
 * @param invalidSound   played after an invalid key
 * @param onFailure      where the caller goes when the retries are spent
 * @param hours          when set, the menu is only offered while they say open; otherwise {@link #whenClosed}
 * @param whenClosed     where the caller goes while the hours say closed (present exactly when hours are)
 * @param directDial     extensions the caller may dial directly from this menu (Asterisk-style patterns,
 *                       compiled), empty when direct dialling is off
 * @param directDialText the patterns as written, for listings
 */
public record Menu(String id, List<String> prompts, Map<Character, Action> keys, int timeoutSeconds, int retries,
        String invalidSound, Action onFailure, Optional<BusinessHours> hours, Optional<Action> whenClosed,
        List<DialPattern> directDial, String directDialText) {

    public Menu {
        prompts = List.copyOf(prompts);
        keys = Map.copyOf(keys);
        directDial = List.copyOf(directDial);
    }

    /** @return whether this key, having no action of its own, starts an extension direct dialling accepts */
    public boolean mayDialDirectly(char key) {
        if (key < '0' || key > '9' || keys.containsKey(key)) {
            return false;
        }
        return directDial.stream().anyMatch(pattern -> pattern.mayBeginWith(String.valueOf(key)));
    }

    /** @return whether the digits dialled match one of the direct-dial patterns */
    public boolean dialable(String digits) {
        return directDial.stream().anyMatch(pattern -> pattern.matches(digits));
    }

    /** @return the longest extension direct dialling accepts (0 when it is off) */
    public int longestExtension() {
        return directDial.stream().mapToInt(DialPattern::length).max().orElse(0);
    }
}

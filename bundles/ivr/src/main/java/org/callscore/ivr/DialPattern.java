package org.callscore.ivr;

import java.util.regex.Pattern;

/**
 * An extension pattern a caller may dial directly from a menu (Asterisk's digits, X, Z, N and [..]), compiled
 * to a regular expression over digits by the menu file's reader, which checked it.
 *
 * @param compiled the pattern as a regular expression: digits and character classes only
 */
public record DialPattern(Pattern compiled) {

    /** @return whether the digits dialled are an extension of this pattern */
    public boolean matches(String digits) {
        return compiled.matcher(digits).matches();
    }

    /** @return whether an extension of this pattern can begin with the digits dialled so far */
    public boolean mayBeginWith(String digits) {
        var matcher = compiled.matcher(digits);
        return matcher.matches() || matcher.hitEnd();
    }

    /** @return how many digits an extension of this pattern has: each character class is one digit */
    public int length() {
        return compiled.pattern().replaceAll("\\[[^]]*\\]", "X").length();
    }
}

package org.callscore.support.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of a text a module stores with its rows (a survey file, a menu file, a migration): the SHA-256 of
 * its UTF-8 bytes in hex, so that a changed file is a new version and an unchanged one is recognised.
 */
public final class TextVersion {

    private TextVersion() {
    }

    /** @return 64 lower-case hex digits */
    public static String of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

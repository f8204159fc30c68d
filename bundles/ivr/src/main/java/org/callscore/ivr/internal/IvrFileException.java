package org.callscore.ivr.internal;

/** A menu or calendar file that cannot be used; the message names the file and the key (or line). */
public final class IvrFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String key;

    public IvrFileException(String file, String key, String problem) {
        super(file + ": " + key + " " + problem);
        this.file = file;
        this.key = key;
    }

    /** @return the file's name, e.g. {@code main.ivr} */
    public String file() {
        return file;
    }

    /** @return the offending key, or a description such as {@code (file)} */
    public String key() {
        return key;
    }
}

package org.callscore.support.definition;

/**
 * A file an administrator wrote (a survey, a menu tree, a calendar) that cannot be used; the message names the
 * file and the key (or line) at fault, for the administrator. Each file format has its own subclass.
 */
public abstract class DefinitionFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /** @param where the file as the message names it, e.g. {@code main.ivr} or {@code survey after-call} */
    protected DefinitionFileException(String where, String key, String problem) {
        super(where + ": " + key + " " + problem);
        this.key = key;
    }

    /** @return the key at fault, or a description such as {@code (file)} */
    public String key() {
        return key;
    }
}

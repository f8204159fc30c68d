package org.callscore.ivr.internal;

import org.callscore.support.definition.DefinitionFileException;

/** A menu or calendar file that cannot be used; the message names the file and the key (or line). */
public final class IvrFileException extends DefinitionFileException {

    private static final long serialVersionUID = 1L;

    private final String file;

    public IvrFileException(String file, String key, String problem) {
        super(file, key, problem);
        this.file = file;
    }

    /** @return the file's name, e.g. {@code main.ivr} */
    public String file() {
        return file;
    }
}

package org.callscore.storage.internal;

/** A module's migrations cannot go on until an administrator acts; the message says why. */
final class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MigrationException(String message) {
        super(message);
    }

    MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}

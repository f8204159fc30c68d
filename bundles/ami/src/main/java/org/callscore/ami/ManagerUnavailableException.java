package org.callscore.ami;

/** The Manager connection could not carry a request: not connected, refused by Asterisk, or lost meanwhile. */
public class ManagerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ManagerUnavailableException(String message) {
        super(message);
    }

    public ManagerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

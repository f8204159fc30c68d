package org.callscore.testing.asterisk;

/**
 * A blocking step of the peer did not finish in time. An {@link AssertionError}, so a test that
 * does not expect it fails with its message rather than erroring out.
 */
public final class AgiTimeoutError extends AssertionError {

    private static final long serialVersionUID = 1L;

    AgiTimeoutError(String message) {
        super(message);
    }
}

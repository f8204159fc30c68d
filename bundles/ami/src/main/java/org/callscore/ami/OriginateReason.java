package org.callscore.ami;

/** The Reason of an OriginateResponse: the last control frame Asterisk saw on the channel it called. */
public enum OriginateReason {
    /** 0: failed before any frame (unknown endpoint, no route, "Channel Unique ID already in use") */
    FAILED(0),
    /** 1: hung up */
    HANGUP(1),
    /** 3: rang and was not answered in time */
    NO_ANSWER(3),
    /** 4: answered */
    ANSWERED(4),
    /** 5: busy */
    BUSY(5),
    /** 8: congestion */
    CONGESTION(8),
    /** any other code */
    OTHER(-1);

    private final int code;

    OriginateReason(int code) {
        this.code = code;
    }

    /** @return the code as Asterisk sends it */
    public int code() {
        return code;
    }

    /** @return the reason for Asterisk's code, {@link #OTHER} when it is none of the known ones */
    public static OriginateReason of(int code) {
        for (OriginateReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return OTHER;
    }
}

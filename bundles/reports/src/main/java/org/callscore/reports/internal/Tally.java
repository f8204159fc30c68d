package org.callscore.reports.internal;

/** The additive sums of reports_hourly, for one bucket or any set of buckets. */
final class Tally {

    long offered;
    long answered;
    long answeredInSl;
    long abandoned;
    long shortAbandoned;
    long timedOut;
    long exitedKey;
    long exitedEmpty;
    long otherExits;
    long transferred;
    long waitSum;
    long waitMax;
    long answeredWaitSum;
    long talkSum;
    /** talk plus the queue's wrap-up, per answered call; computed when read, not stored */
    long handleSum;
    long ringNoAnswer;
    long fcrEligible;
    long repeated;

    void add(Tally other) {
        offered += other.offered;
        answered += other.answered;
        answeredInSl += other.answeredInSl;
        abandoned += other.abandoned;
        shortAbandoned += other.shortAbandoned;
        timedOut += other.timedOut;
        exitedKey += other.exitedKey;
        exitedEmpty += other.exitedEmpty;
        otherExits += other.otherExits;
        transferred += other.transferred;
        waitSum += other.waitSum;
        waitMax = Math.max(waitMax, other.waitMax);
        answeredWaitSum += other.answeredWaitSum;
        talkSum += other.talkSum;
        handleSum += other.handleSum;
        ringNoAnswer += other.ringNoAnswer;
        fcrEligible += other.fcrEligible;
        repeated += other.repeated;
    }

    /** Adds the figures of one ended call. */
    void addCall(CallState call, int serviceLevelSeconds) {
        offered++;
        waitSum += call.wait;
        waitMax = Math.max(waitMax, call.wait);
        switch (call.status) {
            case ANSWERED, TRANSFERRED -> {
                answered++;
                answeredWaitSum += call.wait;
                talkSum += call.talk;
                if (call.wait <= serviceLevelSeconds) {
                    answeredInSl++;
                }
                if (call.status == CallState.Status.TRANSFERRED) {
                    transferred++;
                }
                if (call.fcrEligible()) {
                    fcrEligible++;
                    if (call.repeated) {
                        repeated++;
                    }
                }
            }
            case ABANDONED -> abandoned++;
            case SHORT_ABANDON -> shortAbandoned++;
            case TIMEOUT -> timedOut++;
            case KEY -> exitedKey++;
            case EMPTY -> exitedEmpty++;
            case WITHDRAW -> otherExits++;
            case WAITING, TALKING -> throw new IllegalStateException("call " + call.callid + " has not ended");
        }
    }

    boolean isEmpty() {
        return offered == 0 && ringNoAnswer == 0 && repeated == 0;
    }
}

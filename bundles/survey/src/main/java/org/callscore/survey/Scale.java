package org.callscore.survey;

/** The keys a question accepts, and the scores they stand for. */
public enum Scale {
    /** Very dissatisfied (1) to very satisfied (5). */
    FIVE_POINT(1, 5),
    /** Likelihood to recommend, 0 to 10: keys 0-9 and "10" as two digits. */
    ZERO_TO_TEN(0, 10),
    /** Key 1 = yes (score 1), key 2 = no (score 0). */
    YES_NO(0, 1);

    private final int min;
    private final int max;

    Scale(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** @return whether a score lies on this scale */
    public boolean accepts(int score) {
        return score >= min && score <= max;
    }
}

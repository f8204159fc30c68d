package org.callscore.survey;

import java.util.Arrays;
import java.util.Optional;

/** The keys a question accepts, and the scores they stand for. */
public enum Scale {
    /** Very dissatisfied (1) to very satisfied (5). */
    FIVE_POINT("1-5", 1, 5),
    /** Likelihood to recommend, 0 to 10: keys 0-9, and 1 then 0 for ten. */
    ZERO_TO_TEN("0-10", 0, 10),
    /** Key 1 = yes (score 1), key 2 = no (score 0). */
    YES_NO("yes-no", 0, 1);

    private final String label;
    private final int min;
    private final int max;

    Scale(String label, int min, int max) {
        this.label = label;
        this.min = min;
        this.max = max;
    }

    /** @return how a survey file names the scale: 1-5, 0-10 or yes-no */
    public String label() {
        return label;
    }

    /** @return the scale a survey file names, if any */
    public static Optional<Scale> ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
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

package org.callscore.notify;

import java.util.List;
import java.util.Objects;

/**
 * What an import did. Lines are counted as in the file, the header being line 1.
 *
 * @param added      numbers added to the campaign
 * @param bad        rows not added, each with its line and why
 * @param duplicates rows whose number was already in the campaign (from this file or an earlier one): merged into
 *                   the first, whose name and zone are kept and whose fields take the new ones missing
 * @param doNotCall  rows skipped because their number is on the do-not-call list
 */
public record ImportReport(int added, List<BadRow> bad, List<MergedDuplicate> duplicates,
        List<SkippedNumber> doNotCall) {

    public ImportReport {
        bad = List.copyOf(bad);
        duplicates = List.copyOf(duplicates);
        doNotCall = List.copyOf(doNotCall);
    }

    /** @param line the row's line; @param reason what is wrong, naming the column */
    public record BadRow(int line, String reason) {
        public BadRow {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param line      the duplicate row's line
     * @param number    the number, in its normal form
     * @param firstLine the line it was first seen on in this file; 0: imported earlier
     */
    public record MergedDuplicate(int line, String number, int firstLine) {
        public MergedDuplicate {
            Objects.requireNonNull(number, "number");
        }
    }

    /** @param line the row's line; @param number the number, in its normal form */
    public record SkippedNumber(int line, String number) {
        public SkippedNumber {
            Objects.requireNonNull(number, "number");
        }
    }
}

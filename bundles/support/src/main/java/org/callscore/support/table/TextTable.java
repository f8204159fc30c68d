package org.callscore.support.table;

import java.util.Collection;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What the console's text tables share ({@code survey:results}, {@code report:*}): a first column as wide as
 * its longest entry, and figures written the same way everywhere, {@code -} when there is nothing to divide by.
 */
public final class TextTable {

    private TextTable() {
    }

    /**
     * @param row a {@link String#format} row whose first column is written {@code %-{w}s}
     * @return the row with that column as wide as {@code heading} and the longest of {@code entries}
     */
    public static String row(String row, String heading, Collection<String> entries) {
        int width = Math.max(heading.length(), entries.stream().mapToInt(String::length).max().orElse(0));
        return row.replace("{w}", String.valueOf(width));
    }

    /** @return the value with {@code decimals} decimals (a point, whatever the locale), or {@code -} */
    public static String number(OptionalDouble value, int decimals) {
        return value.isPresent() ? String.format(Locale.ROOT, "%." + decimals + "f", value.getAsDouble()) : "-";
    }

    /** @return a share of 0..1 as a percentage with one decimal, or {@code -} */
    public static String percent(OptionalDouble share) {
        return share.isPresent() ? number(OptionalDouble.of(share.getAsDouble() * 100), 1) : "-";
    }
}

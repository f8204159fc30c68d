package org.callscore.notify;

import java.util.List;

/**
 * @param rows  the page, in import order
 * @param total how many numbers match the query in all
 */
public record ResultPage(List<NumberResult> rows, long total) {

    public ResultPage {
        rows = List.copyOf(rows);
    }
}

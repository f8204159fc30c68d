package org.callscore.notify.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.callscore.notify.NumberOutcome;
import org.callscore.notify.NumberResult;
import org.callscore.notify.NumberState;
import org.callscore.notify.ResultPage;
import org.callscore.notify.ResultQuery;

/**
 * The result table's filters, from the campaign page's address: {@code state=in-flight}, {@code outcome=no-answer},
 * {@code page=2}; each optional, a bad one named in a clear error.
 *
 * @param page the page shown, from 1
 */
record ResultFilters(Optional<NumberState> state, Optional<NumberOutcome> outcome, int page) {

    static final int PAGE_SIZE = 100;
    private static final int MOST_PAGES = 100_000;
    /** read from the notify module this many at a time for an export */
    private static final int EXPORT_CHUNK = 10_000;

    static ResultFilters of(UnaryOperator<String> parameter) {
        return new ResultFilters(choice(parameter.apply("state"), "state", NumberState.class),
                choice(parameter.apply("outcome"), "outcome", NumberOutcome.class), page(parameter.apply("page")));
    }

    private static <E extends Enum<E>> Optional<E> choice(String value, String name, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                known.add(name(constant));
            }
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", known) + ", not '"
                    + value.strip() + "'");
        }
    }

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 1 && page <= MOST_PAGES) {
                return page;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("page must be a whole number from 1 to " + MOST_PAGES + ", not '"
                + value.strip() + "'");
    }

    /** @return the constant as the address and the pages write it: {@code no-answer} */
    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    ResultQuery query() {
        return new ResultQuery(state, outcome, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    /** @return every matching number, in import order, read a chunk at a time */
    List<NumberResult> everyPage(Function<ResultQuery, ResultPage> read) {
        List<NumberResult> all = new ArrayList<>();
        while (true) {
            ResultPage chunk = read.apply(new ResultQuery(state, outcome, all.size(), EXPORT_CHUNK));
            all.addAll(chunk.rows());
            if (chunk.rows().isEmpty() || all.size() >= chunk.total()) {
                return all;
            }
        }
    }

    /** @return the filters as a query string without the page, {@code &state=done}, or empty */
    String parameters() {
        StringBuilder query = new StringBuilder();
        state.ifPresent(s -> query.append("&state=").append(name(s)));
        outcome.ifPresent(o -> query.append("&outcome=").append(name(o)));
        return query.toString();
    }
}

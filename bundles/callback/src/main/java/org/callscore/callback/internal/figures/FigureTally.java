package org.callscore.callback.internal.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.callscore.callback.CallbackFigureRow;
import org.callscore.callback.CallbackState;

/** The figures of one group, counted callback by callback. */
final class FigureTally {

    private final String key;
    private long requested;
    private long done;
    private long failed;
    private long expired;
    private long cancelled;
    private long open;
    private long onTime;
    private long closedWithinDays;
    private final List<Long> secondsToReach = new ArrayList<>();

    FigureTally(String key) {
        this.key = key;
    }

    void add(RequestedCallback callback, Duration onTimeAllowance, Duration closureWindow) {
        requested++;
        switch (callback.state()) {
            case DONE -> done++;
            case FAILED -> failed++;
            case EXPIRED -> expired++;
            case CANCELLED -> cancelled++;
            case SCHEDULED, DIALLING -> open++;
        }
        if (callback.state() == CallbackState.DONE && callback.reachedAt().isPresent()) {
            Instant reached = callback.reachedAt().get();
            secondsToReach.add(Math.max(0, Duration.between(callback.requestedAt(), reached).toSeconds()));
            Instant wanted = callback.askedFor().orElse(callback.requestedAt());
            if (!reached.isAfter(wanted.plus(onTimeAllowance))) {
                onTime++;
            }
        }
        if (callback.closedAt().filter(c -> !c.isAfter(callback.requestedAt().plus(closureWindow))).isPresent()) {
            closedWithinDays++;
        }
    }

    CallbackFigureRow row() {
        return new CallbackFigureRow(key, requested, done, failed, expired, cancelled, open, mean(), median(), onTime,
                closedWithinDays);
    }

    private OptionalDouble mean() {
        return secondsToReach.stream().mapToLong(Long::longValue).average();
    }

    private OptionalDouble median() {
        if (secondsToReach.isEmpty()) {
            return OptionalDouble.empty();
        }
        long[] sorted = secondsToReach.stream().mapToLong(Long::longValue).sorted().toArray();
        int middle = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0);
    }
}

package org.callscore.notify.web.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.callscore.notify.Campaign;
import org.callscore.notify.NumberResult;
import org.callscore.support.export.Table;
import org.callscore.support.export.Table.Field;

/**
 * A campaign's numbers as the CSV and XLSX export show them: one row per number in import order, times local to
 * the site's zone (date cells in XLSX), how much of the message was heard in seconds, then one column per field the
 * customer files had beyond number, name and zone.
 */
final class ResultTable {

    private ResultTable() {
    }

    static Table of(Campaign campaign, List<NumberResult> numbers, ZoneId zone) {
        List<Field<NumberResult>> fields = new ArrayList<>(List.of(
                Field.of("number", "Number", NumberResult::number),
                Field.of("name", "Name", NumberResult::name),
                Field.of("zone", "Time zone", n -> n.zone().map(ZoneId::getId).orElse(null)),
                Field.of("state", "State", n -> ResultFilters.name(n.state())),
                Field.of("outcome", "Outcome", n -> n.outcome().map(ResultFilters::name).orElse(null)),
                Field.of("attempts", "Attempts", n -> (long) n.attempts()),
                Field.of("heard", "Heard (s)", n -> n.heardMillis() / 1000.0),
                Field.of("keys", "Keys pressed", NumberResult::keys),
                Field.of("lastAttempt", "Last attempt", n -> local(n.lastAttempt(), zone)),
                Field.of("nextAttempt", "Next attempt", n -> local(n.nextAttempt(), zone))));
        SortedSet<String> extra = new TreeSet<>();
        numbers.forEach(n -> extra.addAll(n.fields().keySet()));
        for (String name : extra) {
            fields.add(Field.of("field." + name, name, n -> n.fields().get(name)));
        }
        return Table.of(campaign.name(), fields, numbers);
    }

    /** @return the time in the site's zone, to the second */
    private static OffsetDateTime local(Optional<Instant> at, ZoneId zone) {
        return at.map(time -> time.atZone(zone).withNano(0).toOffsetDateTime()).orElse(null);
    }
}

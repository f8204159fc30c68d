package org.callscore.notify.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callscore.notify.ImportReport;
import org.callscore.support.rules.NumberPlan;

/**
 * Checks the rows of a customer file and merges the duplicates within it. Pure: the database's duplicates and the
 * do-not-call list are the store's part.
 */
final class CustomerImport {

    /** A good row: the number in its normal form, the first line it was on, its other cells. */
    record Customer(int line, String number, String name, Optional<ZoneId> zone, Map<String, String> fields) {
    }

    record Checked(List<Customer> customers, List<ImportReport.BadRow> bad, List<ImportReport.MergedDuplicate> merged) {
    }

    static final int MAX_NAME = 200;
    static final int MAX_FIELDS_CHARS = 4000;

    private CustomerImport() {
    }

    static Checked check(List<CustomerFile.Line> lines) {
        return check(lines, Optional.empty());
    }

    /** @param plan the site's number plan: numbers equal in it are duplicates; empty: equal as written */
    static Checked check(List<CustomerFile.Line> lines, Optional<NumberPlan> plan) {
        Map<String, Customer> byNumber = new LinkedHashMap<>();
        List<ImportReport.BadRow> bad = new ArrayList<>();
        List<ImportReport.MergedDuplicate> merged = new ArrayList<>();
        for (CustomerFile.Line line : lines) {
            Map<String, String> cells = new LinkedHashMap<>(line.cells());
            if (cells.containsKey("")) {
                bad.add(new ImportReport.BadRow(line.line(), "more values than the header has columns"));
                continue;
            }
            String number;
            try {
                number = PhoneNumbers.normal(cells.remove("number"), plan);
            } catch (IllegalArgumentException e) {
                bad.add(new ImportReport.BadRow(line.line(), "number: " + e.getMessage()));
                continue;
            }
            String name = Optional.ofNullable(cells.remove("name")).orElse("");
            if (name.length() > MAX_NAME) {
                bad.add(new ImportReport.BadRow(line.line(), "name: longer than " + MAX_NAME + " characters"));
                continue;
            }
            String zoneText = Optional.ofNullable(cells.remove("zone")).orElse("");
            Optional<ZoneId> zone;
            try {
                zone = zoneText.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(zoneText));
            } catch (DateTimeException e) {
                bad.add(new ImportReport.BadRow(line.line(), "zone: '" + zoneText + "' is not a time zone such as "
                        + "Europe/Paris"));
                continue;
            }
            cells.values().removeIf(String::isBlank);
            if (FieldText.encode(cells).length() > MAX_FIELDS_CHARS) {
                bad.add(new ImportReport.BadRow(line.line(), "the other columns hold more than " + MAX_FIELDS_CHARS
                        + " characters"));
                continue;
            }
            Customer first = byNumber.get(number);
            if (first == null) {
                byNumber.put(number, new Customer(line.line(), number, name, zone, cells));
            } else {
                byNumber.put(number, merge(first, new Customer(line.line(), number, name, zone, cells)));
                merged.add(new ImportReport.MergedDuplicate(line.line(), number, first.line()));
            }
        }
        return new Checked(List.copyOf(byNumber.values()), bad, merged);
    }

    /** The first row wins; what it lacks, the later one gives. */
    static Customer merge(Customer first, Customer later) {
        Map<String, String> fields = new LinkedHashMap<>(first.fields());
        later.fields().forEach(fields::putIfAbsent);
        return new Customer(first.line(), first.number(), first.name().isEmpty() ? later.name() : first.name(),
                first.zone().or(later::zone), fields);
    }
}

package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.callscore.reports.ReportGroup;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static final Set<String> ALL = Set.of("from", "to", "month", "zone", "queue", "by", "limit", "max-mean");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static Parameters of(String... pairs) throws BadParameter {
        Map<String, String[]> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return Parameters.of(values, ALL);
    }

    private static void assertBad(ThrowingCall call, String parameter, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BadParameter.class, e -> {
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.getMessage()).startsWith(parameter + ": ").contains(message);
        });
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void refusesUnknownAndRepeatedParametersByName() {
        assertBad(() -> of("quee", "sales"), "quee", "unknown parameter; this endpoint takes [by, from, limit");
        assertBad(() -> Parameters.of(Map.of("queue", new String[] {"a", "b"}), ALL), "queue", "given 2 times");
    }

    @Test
    void periodDefaultsToThisMonthUntilTomorrowLikeTheCommands() throws Exception {
        assertThat(of().period(TODAY)).isEqualTo(new Parameters.Period(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 25)));
        assertThat(of("from", "", "to", " ").period(TODAY).from()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void aMonthIsItsFirstDayToTheFirstDayOfTheNext() throws Exception {
        assertThat(of("month", "2026-12").period(TODAY)).isEqualTo(new Parameters.Period(LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 1)));
        assertThat(of("from", "2026-03-28", "to", "2026-03-30").period(TODAY)).isEqualTo(
                new Parameters.Period(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30)));
    }

    @Test
    void refusesBadPeriodsNamingTheParameter() {
        assertBad(() -> of("month", "2026-13").period(TODAY), "month", "'2026-13' is not a month yyyy-MM");
        assertBad(() -> of("month", "2026-11", "from", "2026-11-02").period(TODAY), "from", "either month or from/to");
        assertBad(() -> of("from", "24.11.2026").period(TODAY), "from", "is not a date yyyy-MM-dd");
        assertBad(() -> of("to", "2026-02-30").period(TODAY), "to", "is not a date");
        assertBad(() -> of("from", "2026-11-10", "to", "2026-11-10").period(TODAY), "to", "must be after from");
        assertBad(() -> of("from", "2000-01-01", "to", "2026-01-01").period(TODAY), "to", "at most 3700 days");
    }

    @Test
    void readsZonesAndRefusesUnknownOnes() throws Exception {
        assertThat(of("zone", "Europe/Berlin").zone("zone", ZoneOffset.UTC)).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(of().zone("zone", ZoneOffset.UTC)).isEqualTo(ZoneOffset.UTC);
        assertBad(() -> of("zone", "Mars/Olympus").zone("zone", ZoneOffset.UTC), "zone", "is not a time zone");
    }

    @Test
    void readsChoicesInTheirUrlSpelling() throws Exception {
        Set<ReportGroup> groups = EnumSet.allOf(ReportGroup.class);
        assertThat(of("by", "Week").choice("by", ReportGroup.class, groups, ReportGroup.ALL)).isEqualTo(ReportGroup.WEEK);
        assertThat(of().choice("by", ReportGroup.class, groups, ReportGroup.ALL)).isEqualTo(ReportGroup.ALL);
        assertBad(() -> of("by", "fortnight").choice("by", ReportGroup.class, groups, ReportGroup.ALL), "by",
                "'fortnight' is not one of [agent, all, day, hour, month, queue, week, year]");
        assertThat(Parameters.key(org.callscore.reports.ServiceReports.Ranking.HANDLE_TIME)).isEqualTo("handle-time");
    }

    @Test
    void readsBoundedNumbers() throws Exception {
        assertThat(of("limit", "50").integer("limit", 1, 100, 10)).isEqualTo(50);
        assertThat(of().integer("limit", 1, 100, 10)).isEqualTo(10);
        assertBad(() -> of("limit", "0").integer("limit", 1, 100, 10), "limit", "from 1 to 100");
        assertBad(() -> of("limit", "ten").integer("limit", 1, 100, 10), "limit", "'ten' is not a whole number");
        assertThat(of("max-mean", "2.5").number("max-mean", 1, 5, 2)).isEqualTo(2.5);
        assertBad(() -> of("max-mean", "NaN").number("max-mean", 1, 5, 2), "max-mean", "is not a number from 1 to 5");
    }

    @Test
    void absurdDatesAndMonthsAreBadParametersNotFailures() {
        // +999999999-12-30 is a valid ISO date to java.time, but the period arithmetic overflows on it
        String days = "is not a day from 1970-01-01 to 2999-12-31";
        assertBad(() -> of("from", "+999999999-12-30", "to", "+999999999-12-31").period(TODAY), "from", days);
        assertBad(() -> of("from", "+999999999-12-30").period(TODAY), "from", days);
        assertBad(() -> of("to", "-999999999-01-01").period(TODAY), "to", days);
        assertBad(() -> of("from", "0001-01-01", "to", "0001-01-05").period(TODAY), "from", days);
        assertBad(() -> of("month", "+999999999-12").period(TODAY), "month", "is not a month from 1970-01 to 2999-12");
        assertBad(() -> of("month", "9999-12").period(TODAY), "month", "is not a month from 1970-01 to 2999-12");
        assertBad(() -> of("from", "2026-02-30").period(TODAY), "from", "is not a date yyyy-MM-dd");
        assertBad(() -> of("month", "2026-1").period(TODAY), "month", "is not a month yyyy-MM");
    }

    @Test
    void aValueLongerThanAQueueNameMayBeIsABadParameter() throws Exception {
        assertThat(of("queue", "q".repeat(Parameters.MAX_TEXT)).text("queue")).contains("q".repeat(Parameters.MAX_TEXT));
        assertBad(() -> of("queue", "q".repeat(Parameters.MAX_TEXT + 1)), "queue", "longer than");
    }
}

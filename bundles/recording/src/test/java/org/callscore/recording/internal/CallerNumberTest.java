package org.callscore.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.callscore.recording.internal.CallerNumber.Search;
import org.junit.jupiter.api.Test;

/** How a searched number is read: the digits it ends with, and a whole number's national part. */
class CallerNumberTest {

    @Test
    void aWholeInternationalNumberLosesItsCountryCodeOfEachLength() {
        assertThat(CallerNumber.search("+44 20 7946 0018")).isEqualTo(
                new Search("442079460018", Optional.of("2079460018"), true));
        assertThat(CallerNumber.search("0044 20 7946 0018")).isEqualTo(
                new Search("442079460018", Optional.of("2079460018"), true));
        assertThat(CallerNumber.search("+1 212 555 0100").national()).contains("2125550100");
        assertThat(CallerNumber.search("+7 495 123 4567").national()).contains("4951234567");
        assertThat(CallerNumber.search("+352 26 12 34").national()).contains("261234");
        assertThat(CallerNumber.search("+39 06 1234 5678").national()).as("Italy keeps its 0").contains("0612345678");
    }

    @Test
    void aWholeNationalNumberLosesItsTrunkPrefixAndTheEndOfANumberStaysAsTyped() {
        assertThat(CallerNumber.search("020 7946 0018")).isEqualTo(
                new Search("02079460018", Optional.of("2079460018"), false));
        assertThat(CallerNumber.search("7946 0018")).isEqualTo(new Search("79460018", Optional.empty(), false));
        assertThat(CallerNumber.search("064027")).as("too short for a whole number: its last digits")
                .isEqualTo(new Search("064027", Optional.empty(), false));
        assertThat(CallerNumber.search("0664027")).isEqualTo(new Search("0664027", Optional.of("664027"), false));
        assertThat(CallerNumber.search("0007919")).as("its last digits: too few after the zeros for a number")
                .isEqualTo(new Search("0007919", Optional.empty(), false));
    }

    @Test
    void aPrefixAloneLeavesNothingToSearchBy() {
        assertThatThrownBy(() -> CallerNumber.search("+44")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallerNumber.search("+")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CallerNumber.search("0000000")).as("the last digits of a number, all zeros")
                .isEqualTo(new Search("0000000", Optional.empty(), false));
    }
}

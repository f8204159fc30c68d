package org.callscore.support.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeldReferenceTest {

    private final HeldReference<String> reference = new HeldReference<>();

    @Test
    void whileActiveItFollowsTheService() {
        assertThat(reference.get()).isEmpty();
        reference.bind("callbacks 1");
        assertThat(reference.get()).contains("callbacks 1");
        reference.unbind("callbacks 1");
        assertThat(reference.get()).isEmpty();
    }

    @Test
    void aReplacementBoundBeforeTheOldOneIsUnboundStays() {
        reference.bind("callbacks 1");
        reference.bind("callbacks 2");
        reference.unbind("callbacks 1");
        assertThat(reference.get()).contains("callbacks 2");
    }

    @Test
    void onceTheComponentIsDeactivatedTheLastServiceIsKeptForCallsInFlight() {
        reference.bind("callbacks 1");
        reference.hold(); // deactivate, then Declarative Services unbinds
        reference.unbind("callbacks 1");
        assertThat(reference.get()).contains("callbacks 1");
    }
}

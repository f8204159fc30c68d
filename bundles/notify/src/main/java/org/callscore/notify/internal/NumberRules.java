package org.callscore.notify.internal;

import java.time.Instant;
import java.util.Optional;

import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.MachineHandling;
import org.callscore.notify.NumberOutcome;
import org.callscore.notify.NumberState;
import org.callscore.notify.RetryOutcome;
import org.callscore.notify.RetryRule;

/**
 * What becomes of a number after an attempt: reached (answered, opted out, machine message left), tried again after
 * the outcome's delay while it has fewer attempts than that outcome's most, else given up. Pure.
 */
final class NumberRules {

    record Decision(NumberState state, Optional<Instant> due) {
    }

    private NumberRules() {
    }

    /**
     * @param attempts the attempts made, the one that just ended included
     * @param stopped  the campaign was stopped meanwhile: nothing is tried again
     */
    static Decision after(CampaignDefinition campaign, NumberOutcome outcome, int attempts, Instant ended,
            boolean stopped) {
        Optional<RetryOutcome> retried = switch (outcome) {
            case ANSWERED, OPTED_OUT -> Optional.empty();
            case MACHINE -> campaign.machine() == MachineHandling.LEAVE_AFTER_BEEP ? Optional.empty()
                    : Optional.of(RetryOutcome.MACHINE);
            case BUSY -> Optional.of(RetryOutcome.BUSY);
            case NO_ANSWER -> Optional.of(RetryOutcome.NO_ANSWER);
            case FAILED, LOST -> Optional.of(RetryOutcome.FAILED);
        };
        if (retried.isEmpty()) {
            return new Decision(NumberState.DONE, Optional.empty());
        }
        RetryRule rule = campaign.retries().get(retried.get());
        if (rule == null || attempts >= rule.attempts()) {
            return new Decision(NumberState.FAILED, Optional.empty());
        }
        if (stopped) {
            return new Decision(NumberState.NOT_CALLED, Optional.empty());
        }
        return new Decision(NumberState.WAITING, Optional.of(ended.plus(rule.delay())));
    }
}

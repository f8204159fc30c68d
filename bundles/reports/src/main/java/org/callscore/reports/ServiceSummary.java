package org.callscore.reports;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.scoring.ScoreSummary;

/**
 * The service-level figures of a set of calls. A <em>call</em> is one caller's stay in one queue: an ENTERQUEUE
 * in queue_log and the events of the same callid and queue after it, until the event that ends it. A call is
 * counted once it has ended (left the queue unanswered, or its conversation ended or was transferred); calls
 * still waiting or talking are not in any figure yet. Waits and talk times are Asterisk's own whole seconds
 * from queue_log (CONNECT's holdtime, COMPLETEAGENT/COMPLETECALLER's and the transfers' holdtime and calltime,
 * the waiting time of ABANDON, EXITWITHTIMEOUT, EXITWITHKEY, EXITEMPTY, WITHDRAW).
 * <p>
 * Shares are fractions from 0 to 1; averages are seconds. A figure whose denominator is zero is
 * {@link OptionalDouble#empty()} (shown as "-"), never 0 or NaN.
 *
 * @param offered              calls offered to agents: calls that entered a queue (ENTERQUEUE), whatever the end
 * @param answered             calls an agent answered (CONNECT), transferred ones included
 * @param abandoned            calls the caller hung up while waiting (ABANDON) after at least
 *                             {@code short.abandon.seconds}
 * @param shortAbandoned       abandons after less than {@code short.abandon.seconds} (default 0: none); not in
 *                             {@code abandoned}, and out of the abandon rate's denominator
 * @param timedOut             calls that left at the queue's time limit (EXITWITHTIMEOUT)
 * @param exitedByKey          calls that left by pressing a key (EXITWITHKEY)
 * @param exitedEmpty          calls that left because the queue had no usable member (EXITEMPTY)
 * @param otherExits           calls withdrawn from the queue (WITHDRAW)
 * @param transferred          answered calls the agent transferred (BLINDTRANSFER, ATTENDEDTRANSFER); their talk
 *                             time ends at the transfer, so the time after it is not the agent's
 * @param ringNoAnswer         times an agent's phone rang for a call and the agent did not answer
 *                             (RINGNOANSWER), counted for that agent
 * @param answerRate           agent answer rate: answered / offered
 * @param abandonRate          abandon-while-waiting rate: abandoned / (offered &minus; shortAbandoned)
 * @param serviceLevelAsterisk service level as Asterisk computes it: answered calls whose wait was at most the
 *                             queue's {@code service.level.seconds} / answered
 * @param serviceLevelOffered  service level as the domain defines it: answered calls whose wait was at most the
 *                             queue's {@code service.level.seconds} / offered (so abandons, timeouts and key
 *                             exits count against it)
 * @param asa                  average speed of answer: sum of the waits of answered calls / answered
 * @param averageWait          sum of the waits of all offered calls (until answered or until they left) / offered
 * @param longestWait          the longest wait of any offered call, in seconds; empty when none
 * @param averageTalk          sum of the talk times of answered calls / answered
 * @param averageHandle        (sum of the talk times + answered &times; the queue's {@code wrapup.seconds}) /
 *                             answered: queue_log does not record wrap-up, so it is the queue's configured
 *                             wrap-up time (queues.conf {@code wrapuptime}; default 0: handle = talk)
 * @param fcrEligible          answered calls with a caller number
 * @param repeated             of those, calls whose caller number entered a queue again (another callid) within
 *                             {@code fcr.window.hours} (default 168) after this call entered its queue
 * @param firstCallResolution  by repeat callers: (fcrEligible &minus; repeated) / fcrEligible. A call younger
 *                             than the window counts as resolved until the caller calls again
 * @param cdrCalls             calls to the hotline in the CDR: first legs (uniqueid = linkedid) that started in
 *                             the period, to a number in {@code hotline.numbers} (all when empty); only for the
 *                             groupings all, hour, day, week, month and year (the CDR has no queue or agent)
 * @param busyCalls            of those, the CDR rows with disposition BUSY
 * @param busyRate             busyCalls / cdrCalls
 * @param solvedAnswers        survey answers to the "problem solved" question ({@code fcr.survey.question},
 *                             default {@code solved}, a yes-no question) of surveys started in the period
 * @param solvedRate           first-call resolution by the caller's own answer: yes answers / solvedAnswers
 * @param complaintRate        the domain's complaint rate: surveys flagged as complaints (see the survey figures)
 *                             / offered
 * @param survey               the survey figures (response rate, mean, satisfaction, CSAT, NPS, dimension
 *                             indices) of the same group, from the scoring module; empty when it is not installed
 *                             or the grouping is by hour
 */
public record ServiceSummary(
        long offered,
        long answered,
        long abandoned,
        long shortAbandoned,
        long timedOut,
        long exitedByKey,
        long exitedEmpty,
        long otherExits,
        long transferred,
        long ringNoAnswer,
        OptionalDouble answerRate,
        OptionalDouble abandonRate,
        OptionalDouble serviceLevelAsterisk,
        OptionalDouble serviceLevelOffered,
        OptionalDouble asa,
        OptionalDouble averageWait,
        OptionalDouble longestWait,
        OptionalDouble averageTalk,
        OptionalDouble averageHandle,
        long fcrEligible,
        long repeated,
        OptionalDouble firstCallResolution,
        long cdrCalls,
        long busyCalls,
        OptionalDouble busyRate,
        long solvedAnswers,
        OptionalDouble solvedRate,
        OptionalDouble complaintRate,
        Optional<ScoreSummary> survey) {

    public ServiceSummary {
        Objects.requireNonNull(answerRate, "answerRate");
        Objects.requireNonNull(abandonRate, "abandonRate");
        Objects.requireNonNull(serviceLevelAsterisk, "serviceLevelAsterisk");
        Objects.requireNonNull(serviceLevelOffered, "serviceLevelOffered");
        Objects.requireNonNull(asa, "asa");
        Objects.requireNonNull(averageWait, "averageWait");
        Objects.requireNonNull(longestWait, "longestWait");
        Objects.requireNonNull(averageTalk, "averageTalk");
        Objects.requireNonNull(averageHandle, "averageHandle");
        Objects.requireNonNull(firstCallResolution, "firstCallResolution");
        Objects.requireNonNull(busyRate, "busyRate");
        Objects.requireNonNull(solvedRate, "solvedRate");
        Objects.requireNonNull(complaintRate, "complaintRate");
        Objects.requireNonNull(survey, "survey");
    }
}

package org.callscore.notify;

/**
 * How far a campaign is, per number; the counts add up to {@code total}.
 *
 * @param total     numbers in the campaign
 * @param done      reached: answered, machine message left, or opted out
 * @param inFlight  being called now
 * @param waiting   not called yet or to be retried
 * @param failed    given up, skipped at dial time as do-not-call, or left uncalled by a stop
 */
public record CampaignProgress(long total, long done, long inFlight, long waiting, long failed) {
}

package org.callscore.notify;

/** Where a campaign stands. */
public enum CampaignState {
    /** created, customers may be imported, no call placed */
    DRAFT,
    /** placing calls within its window */
    RUNNING,
    /** no new calls until resumed */
    PAUSED,
    /** ended by an operator; waiting numbers are left uncalled */
    STOPPED,
    /** every number has a final outcome, or the window's last day is over */
    FINISHED
}

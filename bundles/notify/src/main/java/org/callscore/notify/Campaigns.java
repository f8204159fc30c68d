package org.callscore.notify;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creating, filling, operating and reading notification campaigns. Bad input ({@code IllegalArgumentException})
 * names the field and the rule; an unknown id is a {@code java.util.NoSuchElementException}; an operation the
 * campaign's state does not allow (starting a stopped one) is an {@code IllegalStateException} saying the state.
 * A paused or stopped campaign places no new call; calls in flight end normally and their outcomes are kept.
 */
@ProviderType
public interface Campaigns {

    /** The module name of the notify tables, as its bundle declares them ({@code ModuleSchema}). */
    String SCHEMA = "notify";

    /** @return the new campaign, {@link CampaignState#DRAFT}; its name must be unused */
    Campaign create(CampaignDefinition definition, String actor);

    /**
     * Adds customers from a CSV or XLSX file: a header row naming the columns {@code number} (required),
     * {@code name}, {@code zone} (an IANA zone id), any other column kept as a field. Good rows are added even
     * when others are bad; nothing is added from a file that cannot be read at all (then
     * {@code IllegalArgumentException}). Allowed while the campaign is not stopped or finished.
     */
    ImportReport importCustomers(String campaignId, ImportFormat format, InputStream file, String actor);

    /** Starts placing calls (a draft campaign). */
    Campaign start(String campaignId, String actor);

    /** No new calls until resumed. */
    Campaign pause(String campaignId, String actor);

    Campaign resume(String campaignId, String actor);

    /** Ends the campaign for good: numbers still waiting are left uncalled. */
    Campaign stop(String campaignId, String actor);

    /** @return every campaign, newest first */
    List<Campaign> list();

    Optional<Campaign> find(String campaignId);

    Optional<Campaign> findByName(String name);

    CampaignProgress progress(String campaignId);

    /** @return one page of the campaign's numbers and their outcomes, in import order */
    ResultPage results(String campaignId, ResultQuery query);

    /**
     * @return outcome figures per day (in the site's zone) of the attempts that ended in the period, sorted by
     *         day then campaign name
     */
    List<OutcomeDay> outcomesPerDay(OutcomeQuery query);
}

package org.callscore.notify.internal;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.callscore.notify.AnsweredCall;
import org.callscore.notify.Campaign;
import org.callscore.notify.CampaignDefinition;
import org.callscore.notify.CampaignProgress;
import org.callscore.notify.Campaigns;
import org.callscore.notify.HeardMessage;
import org.callscore.notify.ImportFormat;
import org.callscore.notify.ImportReport;
import org.callscore.notify.NotificationCalls;
import org.callscore.notify.OutcomeDay;
import org.callscore.notify.OutcomeQuery;
import org.callscore.notify.ResultPage;
import org.callscore.notify.ResultQuery;
import org.callscore.site.SiteZone;
import org.callscore.storage.Database;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The {@link Campaigns} and {@link NotificationCalls} services; the database and the site zone are optional. */
@Component(configurationPid = NotifyConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {Campaigns.class, NotificationCalls.class})
public class CampaignsComponent extends NumberPlanComponent implements Campaigns, NotificationCalls {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SiteZone siteZone;

    private final CampaignBook book = new CampaignBook(() -> database, Clock.systemUTC(), () -> SiteZone.of(siteZone),
            plan::get);

    public CampaignsComponent() {
        super(true);
    }

    @Override
    public Campaign create(CampaignDefinition definition, String actor) {
        return book.create(definition, actor);
    }

    @Override
    public ImportReport importCustomers(String campaignId, ImportFormat format, InputStream file, String actor) {
        return book.importCustomers(campaignId, format, file, actor);
    }

    @Override
    public Campaign start(String campaignId, String actor) {
        return book.start(campaignId, actor);
    }

    @Override
    public Campaign pause(String campaignId, String actor) {
        return book.pause(campaignId, actor);
    }

    @Override
    public Campaign resume(String campaignId, String actor) {
        return book.resume(campaignId, actor);
    }

    @Override
    public Campaign stop(String campaignId, String actor) {
        return book.stop(campaignId, actor);
    }

    @Override
    public List<Campaign> list() {
        return book.list();
    }

    @Override
    public Optional<Campaign> find(String campaignId) {
        return book.find(campaignId);
    }

    @Override
    public Optional<Campaign> findByName(String name) {
        return book.findByName(name);
    }

    @Override
    public CampaignProgress progress(String campaignId) {
        return book.progress(campaignId);
    }

    @Override
    public ResultPage results(String campaignId, ResultQuery query) {
        return book.results(campaignId, query);
    }

    @Override
    public List<OutcomeDay> outcomesPerDay(OutcomeQuery query) {
        return book.outcomesPerDay(query);
    }

    @Override
    public Optional<AnsweredCall> answered(String attemptId) {
        return book.answered(attemptId);
    }

    @Override
    public void heard(String attemptId, HeardMessage heard) {
        book.heard(attemptId, heard);
    }

    @Override
    public void messageUnplayable(String attemptId, String sound) {
        book.messageUnplayable(attemptId, sound);
    }
}

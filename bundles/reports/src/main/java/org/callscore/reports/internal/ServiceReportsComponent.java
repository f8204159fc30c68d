package org.callscore.reports.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.callscore.reports.CallRecord;
import org.callscore.reports.IngestionStatus;
import org.callscore.reports.ReportGroup;
import org.callscore.reports.ReportQuery;
import org.callscore.reports.ReportRow;
import org.callscore.reports.ServiceReports;
import org.callscore.scoring.LowScoredResponse;
import org.callscore.scoring.SurveyScores;
import org.callscore.storage.BackgroundTask;
import org.callscore.site.SiteZone;
import org.callscore.storage.Database;
import org.callscore.storage.TaskStatus;
import org.callscore.support.files.ModuleFiles;
import org.callscore.support.task.PeriodicTask;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ServiceReports} service: ingests queue_log every few seconds on its own thread (and a followed
 * queue_log file before it), rebuilds when the settings the sums depend on have changed, and answers reports
 * from the hourly sums.
 */
@Component(configurationPid = "org.callscore.reports", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true) // queue_log is ingested whether or not anyone is reading a report
@Designate(ocd = ServiceReportsComponent.Config.class)
public class ServiceReportsComponent implements ServiceReports {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceReportsComponent.class);

    @ObjectClassDefinition(name = "CallScore reports", description = "Service-level reports from queue_log and the CDR")
    @interface Config {
        @AttributeDefinition(description = "Asterisk's queue_log table in the CallScore database")
        String queue__log_table() default "queue_log";

        @AttributeDefinition(description = "A queue_log file to import and follow instead (Asterisk's "
                + "pipe-separated file log); empty: read the table. Relative paths are taken from Karaf's home")
        String queue__log_file() default "";

        @AttributeDefinition(description = "How often new queue_log rows are ingested (s)")
        int ingest_interval_seconds() default 5;

        @AttributeDefinition(description = "How long a queue_log id missing below the last one read is looked for "
                + "(s): a row Asterisk committed after a later one is read when it comes")
        int queue__log_gap_seconds() default 300;

        @AttributeDefinition(description = "Time zone of the times Asterisk writes into queue_log and cdr; empty: "
                + "the server's")
        String pbx_zone() default "";

        @AttributeDefinition(description = "Service level: answered within this many seconds")
        int service_level_seconds() default 20;

        @AttributeDefinition(description = "Per-queue service-level seconds, e.g. sales:15,support:30")
        String service_level_queues() default "";

        @AttributeDefinition(description = "Abandons after a shorter wait (s) are short abandons, outside the "
                + "abandon rate; 0: none")
        int short_abandon_seconds() default 0;

        @AttributeDefinition(description = "A caller calling again within this many hours makes the earlier call "
                + "unresolved (first-call resolution)")
        int fcr_window_hours() default 168;

        @AttributeDefinition(description = "Wrap-up seconds added to each answered call for the handle time "
                + "(queues.conf wrapuptime)")
        int wrapup_seconds() default 0;

        @AttributeDefinition(description = "Per-queue wrap-up seconds, e.g. sales:10")
        String wrapup_queues() default "";

        @AttributeDefinition(description = "CDR dst numbers of the hotline, comma-separated; empty: every call")
        String hotline_numbers() default "";

        @AttributeDefinition(description = "Survey question id (yes-no) that asks whether the problem was solved")
        String fcr_survey_question() default "solved";
    }

    private final Database database;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SurveyScores surveyScores;

    private final SiteZone siteZone;
    /** Makes the ingestion for the settings; a change of the site's zone makes a new one, which rebuilds the sums. */
    private final Function<Settings, Ingestion> ingestions;
    private volatile Settings settings;
    private Ingestion ingestion;
    private QueueLogFile file;
    private PeriodicTask worker;
    private final Object lock = new Object();
    private volatile Instant lastRun;
    private volatile String problem;
    private volatile Double rebuildProgress;
    private volatile String cdrProblem;

    @Activate
    public ServiceReportsComponent(@Reference(name = "database") Database database,
            @Reference(name = "siteZone") SiteZone siteZone, Config config, BundleContext context) {
        this.database = database;
        this.siteZone = siteZone;
        this.settings = settings(config, siteZone.zone());
        String path = config.queue__log_file().trim();
        if (!path.isEmpty()) {
            file = new QueueLogFile(database.jdbi(), ModuleFiles.resolve("karaf.home", ".", path), settings.pbxZone());
        }
        String table = file == null ? config.queue__log_table() : QueueLogFile.TABLE;
        Duration gapGrace = Duration.ofSeconds(Math.max(0, config.queue__log_gap_seconds()));
        ingestions = next -> new Ingestion(database.jdbi(), table, next, 20_000, gapGrace, Clock.systemUTC());
        ingestion = ingestions.apply(settings);
        worker = PeriodicTask.start("reports-ingestion", Duration.ofSeconds(1),
                Duration.ofSeconds(Math.max(1, config.ingest_interval_seconds())), this::ingestNow,
                task -> BackgroundTask.register(context, task.name(), () -> task.status(TaskStatus::new))::unregister);
    }

    @Deactivate
    void deactivate() {
        worker.close();
    }

    static Settings settings(Config config, ZoneId siteZone) {
        return new Settings(siteZone, zone("pbx.zone", config.pbx_zone()),
                Math.max(0, config.service_level_seconds()),
                Settings.perQueue("service.level.queues", config.service_level_queues()),
                Math.max(0, config.short_abandon_seconds()), Duration.ofHours(Math.max(0, config.fcr_window_hours())),
                Math.max(0, config.wrapup_seconds()), Settings.perQueue("wrapup.queues", config.wrapup_queues()),
                Arrays.stream(config.hotline_numbers().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()),
                config.fcr_survey_question().trim());
    }

    private static ZoneId zone(String key, String value) {
        try {
            return value == null || value.isBlank() ? ZoneId.systemDefault() : ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a time zone (e.g. Europe/Berlin)");
        }
    }

    /** One scheduled run: the file (if any), then the table; a rebuild first when the settings changed. */
    void ingestNow() {
        if (!database.isReady(SCHEMA)) {
            return;
        }
        synchronized (lock) {
            try {
                ZoneId site = siteZone.zone();
                if (!site.equals(settings.siteZone())) {
                    settings = settings.withSiteZone(site);
                    ingestion = ingestions.apply(settings); // its settings differ from the stored ones: a rebuild
                }
                if (file != null) {
                    file.follow();
                }
                String stored = ingestion.storedSettings();
                if (!stored.isEmpty() && !stored.equals(settings.aggregationKey())) {
                    LOG.info("Reports: settings changed ({} -> {}); rebuilding the sums", stored,
                            settings.aggregationKey());
                    rebuildLocked(progress -> { });
                } else {
                    ingestion.run();
                }
                lastRun = Instant.now();
                if (problem != null) {
                    LOG.info("Reports: ingestion works again");
                }
                problem = null;
            } catch (RuntimeException e) {
                if (problem == null) {
                    LOG.warn("Reports: ingestion of {} failed, retrying every interval: {}", ingestion.source(),
                            e.toString());
                }
                problem = e.getMessage();
            }
        }
    }

    @Override
    public long rebuild(DoubleConsumer progress) {
        synchronized (lock) {
            return rebuildLocked(progress);
        }
    }

    private long rebuildLocked(DoubleConsumer progress) {
        LOG.info("Reports: rebuilding from {}", ingestion.source());
        long started = System.nanoTime();
        double[] logged = {0};
        try {
            long rows = ingestion.rebuild(share -> {
                rebuildProgress = share;
                if (share - logged[0] >= 0.1 || share >= 1) {
                    logged[0] = share;
                    LOG.info("Reports: rebuild {}% done", Math.round(share * 100));
                }
                progress.accept(share);
            });
            LOG.info("Reports: rebuilt from {} queue_log rows in {} s", rows,
                    (System.nanoTime() - started) / 1_000_000_000);
            return rows;
        } finally {
            rebuildProgress = null;
        }
    }

    private void requireTables() {
        if (!database.isReady(SCHEMA)) {
            throw new IllegalStateException("the reports tables are not ready (see callscore:status)");
        }
    }

    private ServiceReader reader() {
        requireTables();
        return new ServiceReader(database.jdbi(), settings, surveyFigures(), this::cdrProblem);
    }

    private SurveyFigures surveyFigures() {
        return new SurveyFigures(Optional.ofNullable(surveyScores), settings);
    }

    private CallLists calls() {
        requireTables();
        return new CallLists(database.jdbi());
    }

    /** Logs a problem with the cdr table once, and when it is over. */
    private void cdrProblem(String problem) {
        String before = cdrProblem;
        cdrProblem = problem;
        if (problem != null && !problem.equals(before)) {
            LOG.warn("Reports: {}; reports show no busy rate until it can", problem);
        } else if (problem == null && before != null) {
            LOG.info("Reports: the cdr table can be read again (busy rate)");
        }
    }

    @Override
    public List<ReportRow> report(ReportQuery query) {
        return reader().report(query);
    }

    @Override
    public List<ReportRow> ranking(ReportQuery query, Ranking by) {
        ReportQuery byAgent = new ReportQuery(query.from(), query.to(), query.zone(), query.queue(), query.agent(),
                ReportGroup.AGENT);
        return reader().report(byAgent).stream().filter(row -> !row.group().equals(ReportQuery.NONE_KEY))
                .filter(row -> row.summary().answered() > 0).sorted(ServiceReader.order(by)).toList();
    }

    @Override
    public List<CallRecord> abandoned(ReportQuery query, int limit) {
        return calls().calls(CallLists.Kind.ABANDONED, query, limit);
    }

    @Override
    public List<CallRecord> repeatCallers(ReportQuery query, int limit) {
        return calls().calls(CallLists.Kind.REPEAT_CALLERS, query, limit);
    }

    @Override
    public List<LowScoredResponse> lowScored(ReportQuery query, double maxMean, int limit) {
        requireTables();
        return surveyFigures().lowScored(query, maxMean, limit);
    }

    @Override
    public IngestionStatus status() {
        return new IngestionStatus(file == null ? ingestion.source() : file.source(), ingestion.lastId(),
                ingestion.openCalls(), Optional.ofNullable(lastRun), Optional.ofNullable(problem),
                Optional.ofNullable(rebuildProgress), ingestion.awaitedIds(),
                ingestion.setAside() + (file == null ? 0 : file.setAside()));
    }

    @Override
    public ZoneId siteZone() {
        return settings.siteZone();
    }
}

package org.callscore.recording.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;

import org.callscore.recording.Listener;
import org.callscore.recording.Recording;
import org.callscore.recording.RecordingAccess;
import org.callscore.recording.RecordingCapture;
import org.callscore.recording.RecordingFile;
import org.callscore.recording.RecordingIndex;
import org.callscore.recording.RecordingKind;
import org.callscore.recording.RecordingPage;
import org.callscore.recording.RecordingQuery;
import org.callscore.recording.RecordingRefusedException;
import org.callscore.storage.BackgroundTask;
import org.callscore.storage.Database;
import org.callscore.storage.TaskStatus;
import org.callscore.support.database.BoundedWriter;
import org.callscore.support.rules.AsteriskServer;
import org.callscore.support.rules.RecordingFormat;
import org.callscore.support.rules.UniqueId;
import org.callscore.support.rules.VoiceComment;
import org.callscore.support.task.PeriodicTask;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording index: what the dialplan reports ({@link RecordingCapture}), the folder scan and matching on its own
 * thread (task {@code recording-scan}), search and listening ({@link RecordingIndex}), and what the console's
 * {@code recording:*} commands do.
 */
@Component(service = { RecordingIndex.class, RecordingCapture.class, RecordingIndexComponent.class },
        configurationPid = "org.callscore.recording", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true) // the folder scan runs whether or not anyone searches
@Designate(ocd = RecordingIndexComponent.Config.class)
public class RecordingIndexComponent implements RecordingIndex, RecordingCapture {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingIndexComponent.class);

    @ObjectClassDefinition(name = "CallScore recording index", description = "Call recordings indexed, kept and served")
    @interface Config {
        @AttributeDefinition(description = "The recordings folder as CallScore reads it")
        String folder() default "/var/spool/asterisk/monitor";

        @AttributeDefinition(description = "The same folder as Asterisk writes it (a remote Asterisk's share); "
                + "empty: the same path as folder")
        String asterisk_folder() default "";

        @AttributeDefinition(description = "How often recordings in progress are checked (s)")
        int scan_interval_seconds() default 5;

        @AttributeDefinition(description = "A file whose size has not changed for this long is finished (s)")
        int settle_seconds() default 5;

        @AttributeDefinition(description = "How often the whole folder is walked for files not indexed (min)")
        int walk_interval_minutes() default 10;

        @AttributeDefinition(description = "How many days back (UTC day folders) the walk looks")
        int walk_days() default 2;

        @AttributeDefinition(description = "A recording never stopped and still without sound after this long is "
                + "forgotten (h)")
        int abandon_hours() default 24;

        @AttributeDefinition(description = "How long the CDR row of a finished recording is waited for (min)")
        int match_minutes() default 30;

        @AttributeDefinition(description = "Below this much free space in the folder nothing more is recorded (MB)")
        long free_space_min_mb() default 1024;

        @AttributeDefinition(description = "Days a recording is kept; 0: for ever")
        int retention_days() default 365;

        @AttributeDefinition(description = "Days per queue, e.g. sales:30,support:90")
        String retention_queues() default "";

        @AttributeDefinition(description = "Purge what the retention rules say, hourly, without being asked")
        boolean purge_automatic() default true;

        @AttributeDefinition(description = "Asterisk's queue_log table in the CallScore database")
        String queue__log_table() default "queue_log";

        @AttributeDefinition(description = "Asterisk's CDR table in the CallScore database")
        String cdr_table() default "cdr";

        @AttributeDefinition(description = "The longest the dialplan's start step waits for MariaDB (ms)")
        int write_timeout_millis() default 500;

        @AttributeDefinition(description = "The least sound a voicemail holds to be a message (ms); less: deleted")
        int voicemail_min_sound_millis() default 1000;
    }

    private static final Listener RETENTION = new Listener("retention", "callscore");

    private final Database database;
    private final RecordingsFolder folder;
    private final String asteriskFolder;
    private final long freeSpaceMin;
    private final boolean purgeAutomatic;
    private final RecordingStore store;
    private final Indexer indexer;
    private final VoiceMessages messages;
    private final Keeping keeping;
    private final BoundedWriter writer;
    private final Clock clock = Clock.systemUTC();
    private final Duration walkInterval;
    private final int walkDays;
    private final PeriodicTask scan;
    private volatile Instant lastWalk = Instant.EPOCH;
    private volatile Instant lastPurge = Instant.EPOCH;
    private volatile int strays;

    @Activate
    public RecordingIndexComponent(@Reference(name = "database") Database database, Config config,
            BundleContext context) {
        this.database = database;
        Path root = Path.of(config.folder().trim());
        this.folder = new RecordingsFolder(root);
        String asterisk = config.asterisk_folder().trim();
        this.asteriskFolder = (asterisk.isEmpty() ? folder.root().toString() : asterisk).replaceAll("/+$", "");
        this.freeSpaceMin = Math.max(0, config.free_space_min_mb()) * 1024 * 1024;
        this.purgeAutomatic = config.purge_automatic();
        this.store = new RecordingStore(database::jdbi);
        this.messages = new VoiceMessages(Duration.ofMillis(Math.max(0, config.voicemail_min_sound_millis())));
        this.indexer = new Indexer(store, folder, new CallMatch(database::jdbi, config.queue__log_table(),
                config.cdr_table()), Duration.ofSeconds(Math.max(1, config.settle_seconds())),
                Duration.ofHours(Math.max(1, config.abandon_hours())),
                Duration.ofMinutes(Math.max(0, config.match_minutes())), messages, clock);
        this.keeping = new Keeping(store, folder, Math.max(0, config.retention_days()),
                Keeping.perQueue("retention.queues", config.retention_queues()), clock);
        this.writer = new BoundedWriter("recording", Duration.ofMillis(Math.max(1, config.write_timeout_millis())), 4,
                64);
        this.walkInterval = Duration.ofMinutes(Math.max(1, config.walk_interval_minutes()));
        this.walkDays = Math.max(1, config.walk_days());
        this.scan = PeriodicTask.start("recording-scan", Duration.ofSeconds(1),
                Duration.ofSeconds(Math.max(1, config.scan_interval_seconds())), this::scanNow,
                task -> BackgroundTask.register(context, task.name(), () -> task.status(TaskStatus::new))::unregister);
    }

    @Deactivate
    void deactivate() {
        scan.close();
        writer.close();
    }

    /** One run of the scan: recordings in progress, matching, and now and then the folder walk and the purge. */
    void scanNow() {
        if (!database.isReady(SCHEMA)) {
            return;
        }
        // nothing is concluded from files that cannot be read (missing, empty); callscore:status shows why
        folder.problem().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        writer.resume();
        indexer.run();
        Instant now = clock.instant();
        if (!lastWalk.plus(walkInterval).isAfter(now)) {
            lastWalk = now;
            int found = indexer.walk(walkDays);
            if (found != strays && found > 0) {
                LOG.warn("Recordings folder {}: {} file(s) no recording matches (recording:verify lists them)",
                        folder.root(), found);
            }
            strays = found;
        }
        if (purgeAutomatic && !lastPurge.plus(Duration.ofHours(1)).isAfter(now)) {
            lastPurge = now;
            keeping.due(1000).forEach(due -> keeping.purge(due, RETENTION));
        }
    }

    // RecordingCapture

    @Override
    public StartedRecording started(String server, String channelUniqueId, Optional<String> linkedId,
            RecordingKind kind, String format) {
        if (!AsteriskServer.isValid(server) || !UniqueId.isValid(channelUniqueId)
                || !RecordingFormat.isValid(format) || kind == RecordingKind.VOICE_COMMENT) {
            throw new RecordingRefusedException("not a server, uniqueid, kind or format CallScore names files by");
        }
        Optional<String> problem = folder.problem();
        if (problem.isPresent()) {
            throw new RecordingRefusedException(problem.get()); // not "0 MB free": what the administrator must fix
        }
        long free = folder.freeSpace();
        if (free < freeSpaceMin) {
            throw new RecordingRefusedException("the recordings folder has " + free / (1024 * 1024)
                    + " MB free, below free.space.min.mb");
        }
        Instant now = clock.instant();
        String relative = FileNames.chosen(server, now.atZone(ZoneOffset.UTC).toLocalDate(), kind, channelUniqueId,
                format);
        AtomicReference<RecordingStore.Indexed> indexed = new AtomicReference<>();
        writer.write(database::jdbi, database::checkNow, jdbi -> indexed.set(store.insertRecording(server, channelUniqueId, linkedId, kind, now,
                format, relative)));
        RecordingStore.Indexed row = indexed.get();
        // a second start on the same channel (a call across midnight) records into the file it already has
        String file = row == null || row.file() == null ? relative : row.file();
        return new StartedRecording(asteriskFolder + "/" + file,
                row == null ? Optional.empty() : Optional.of(row.id()));
    }

    @Override
    public void stopped(String server, String channelUniqueId, RecordingKind kind) {
        Instant now = clock.instant();
        writer.write(database::jdbi, database::checkNow, jdbi -> store.stopped(server, channelUniqueId, kind, now));
    }

    @Override
    public Optional<LeftMessage> messageLeft(String server, String channelUniqueId, Optional<String> linkedId,
            String file) {
        String prefix = asteriskFolder + "/";
        String relative = file != null && file.startsWith(prefix) ? file.substring(prefix.length()) : "";
        Optional<FileNames.Parsed> parsed = FileNames.parse(relative);
        if (parsed.isEmpty() || parsed.get().kind() != RecordingKind.VOICEMAIL
                || !parsed.get().server().equals(server) || !parsed.get().uniqueId().equals(channelUniqueId)) {
            throw new RecordingRefusedException("not the file CallScore chose for the voicemail of channel "
                    + channelUniqueId);
        }
        String format = parsed.get().format();
        Instant now = clock.instant();
        Optional<Duration> length = Optional.empty();
        Path path = null;
        try {
            path = folder.open(relative);
            long size = Files.size(path);
            if (messages.holdsMessage(path, format, size)) {
                length = Optional.of(AudioFiles.duration(path, format, size).orElse(Duration.ZERO));
            }
        } catch (RecordingRefusedException | IOException e) {
            LOG.debug("Voicemail of channel {}: file {} not there or unreadable: {}", channelUniqueId, relative,
                    e.getMessage());
        }
        if (length.isEmpty()) {
            deleteQuietly(path);
            writer.write(database::jdbi, database::checkNow, jdbi -> store.forgetFile(relative));
            LOG.info("Voicemail of channel {}: no message left (no sound), nothing kept", channelUniqueId);
            return Optional.empty();
        }
        AtomicReference<RecordingStore.Indexed> indexed = new AtomicReference<>();
        writer.write(database::jdbi, database::checkNow, jdbi -> {
            indexed.set(store.insertRecording(server, channelUniqueId, linkedId, RecordingKind.VOICEMAIL, now, format,
                    relative));
            store.stopped(server, channelUniqueId, RecordingKind.VOICEMAIL, now);
        });
        return Optional.of(new LeftMessage(file, Optional.ofNullable(indexed.get()).map(RecordingStore.Indexed::id),
                length.get()));
    }

    private static void deleteQuietly(Path path) {
        try {
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.debug("Voicemail file {} not deleted: {}", path, e.getMessage());
        }
    }

    @Override
    public void surveyed(String server, String channelUniqueId, Optional<String> linkedId, String surveyResponse,
            OptionalDouble meanScore, boolean complaint, Optional<String> commentFile) {
        Instant now = clock.instant();
        writer.write(database::jdbi, database::checkNow, jdbi -> {
            commentFile.filter(VoiceComment::isFileName).ifPresent(file -> {
                store.insertRecording(server, channelUniqueId, linkedId, RecordingKind.VOICE_COMMENT, now,
                        FileNames.format(file), file);
                // the survey has ended: a comment that is not there now never will be
                store.stopped(server, channelUniqueId, RecordingKind.VOICE_COMMENT, now);
            });
            store.surveyed(server, channelUniqueId, linkedId, surveyResponse, meanScore, complaint);
        });
    }

    // RecordingIndex

    @Override
    public RecordingPage search(RecordingQuery query) {
        ready();
        return store.search(query);
    }

    @Override
    public Optional<Recording> byId(long id) {
        ready();
        return store.byId(id);
    }

    @Override
    public List<Recording> ofCall(String uniqueIdOrLinkedId) {
        ready();
        return store.ofCall(uniqueIdOrLinkedId);
    }

    @Override
    public RecordingFile open(long id, Listener listener, RecordingAccess.Action action) {
        ready();
        Instant now = clock.instant();
        RecordingFile opened;
        try {
            RecordingStore.Row row = store.rowById(id)
                    .orElseThrow(() -> new RecordingRefusedException("no such recording"));
            opened = switch (row.recording().state()) {
                case PURGED -> throw new RecordingRefusedException("purged");
                case RECORDING -> throw new RecordingRefusedException("still recording");
                case READY -> {
                    Path path = folder.open(row.file().orElse(""));
                    yield new RecordingFile(row.recording(), path, Files.size(path),
                            AudioFiles.contentType(row.recording().format()));
                }
            };
        } catch (RecordingRefusedException e) {
            refusedAt(id, listener, action, e.getMessage(), now);
            throw e;
        } catch (IOException e) {
            refusedAt(id, listener, action, "file unreadable", now);
            throw new RecordingRefusedException("file unreadable");
        }
        // no access without its log line: a failing write fails the open
        store.access(id, listener.user(), listener.address(), now, action, true, opened.sizeBytes() + " bytes");
        return opened;
    }

    @Override
    public void refused(long id, Listener listener, RecordingAccess.Action action, String why) {
        ready();
        refusedAt(id, listener, action, why, clock.instant());
    }

    private void refusedAt(long id, Listener listener, RecordingAccess.Action action, String why, Instant at) {
        store.access(id, listener.user(), listener.address(), at, action, false, why);
        LOG.info("Recording {}: {} by {} from {} refused: {}", id, action, listener.user(), listener.address(), why);
    }

    @Override
    public List<RecordingAccess> accessLog(Instant from, int limit) {
        ready();
        return store.accessLog(from, Math.max(1, Math.min(limit, 10_000)));
    }

    @Override
    public Recording hold(long id, Listener who, String why) {
        return holding(id, who, why, true);
    }

    @Override
    public Recording release(long id, Listener who, String why) {
        return holding(id, who, why, false);
    }

    private Recording holding(long id, Listener who, String why, boolean held) {
        ready();
        RecordingAccess.Action action = held ? RecordingAccess.Action.HOLD : RecordingAccess.Action.RELEASE;
        Optional<Recording> recording = store.byId(id);
        if (recording.isEmpty()) {
            refusedAt(id, who, action, "no such recording", clock.instant());
            throw new RecordingRefusedException("no such recording: " + id);
        }
        store.hold(id, held, why);
        store.access(id, who.user(), who.address(), clock.instant(), action, true, why);
        LOG.info("Recording {}: {} by {}: {}", id, held ? "held" : "released", who.user(), why);
        return store.byId(id).get();
    }

    // what the console adds

    /** @return how many indexed recordings the caller's hold covers (later ones are held too) */
    public int holdCaller(String number, Listener who, String why) {
        ready();
        requireDigits(number);
        int count = store.holdCaller(number, why, who.user(), clock.instant());
        store.access(0, who.user(), who.address(), clock.instant(), RecordingAccess.Action.HOLD, true,
                "every recording of a caller (" + count + " now): " + why);
        LOG.info("Recordings: a caller's {} recording(s) held by {}: {}", count, who.user(), why);
        return count;
    }

    @Override
    public Optional<String> folderProblem() {
        return folder.problem();
    }

    public boolean releaseCaller(String number, Listener who, String why) {
        ready();
        requireDigits(number);
        boolean released = store.releaseCaller(number);
        store.access(0, who.user(), who.address(), clock.instant(), RecordingAccess.Action.RELEASE, released,
                "every recording of a caller: " + why);
        return released;
    }

    private static void requireDigits(String number) {
        if (CallerNumber.normalised(number).isEmpty()) {
            throw new IllegalArgumentException("a caller's number needs digits: '" + number + "'");
        }
    }

    public List<Keeping.Due> due(int limit) {
        ready();
        return keeping.due(limit);
    }

    public void purge(List<Keeping.Due> due, Listener who) {
        due.forEach(d -> keeping.purge(d, who));
    }

    public List<Keeping.Problem> verify() {
        ready();
        return keeping.verify();
    }

    public Map<String, Long> strays() {
        ready();
        return store.strays();
    }

    private void ready() {
        if (!database.isReady(SCHEMA)) {
            throw new IllegalStateException("the recording index is not available: MariaDB does not answer or the "
                    + "recording tables are not migrated yet (callscore:status)");
        }
    }
}

package org.callscore.ivr.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.callscore.support.definition.MissingSounds;
import org.callscore.ivr.BusinessHours;
import org.callscore.ivr.IvrCatalog;
import org.callscore.ivr.MenuTree;
import org.callscore.support.files.ModuleFiles;
import org.callscore.storage.PeriodicTask;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link IvrCatalog} of {@code etc/callscore/ivr}, checked for changes every few seconds. */
@Component(configurationPid = "org.callscore.ivr", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true) // files are checked, and their mistakes logged, before the first call
@Designate(ocd = IvrCatalogComponent.Config.class)
public class IvrCatalogComponent implements IvrCatalog {

    @ObjectClassDefinition(name = "CallScore IVR menus", description = "Where menu files and calendars live")
    @interface Config {

        @AttributeDefinition(name = "Folder",
                description = "Folder of NAME.ivr menu files and NAME.ics calendars; relative paths are taken from "
                        + "Karaf's etc/")
        String folder() default "callscore/ivr";

        @AttributeDefinition(name = "Check interval (s)", description = "How often changed files are re-read")
        int scan_interval_seconds() default 2;

        @AttributeDefinition(name = "Site time zone", description = "The zone of the business hours (e.g. "
                + "Europe/Berlin); empty: the zone of the machine Karaf runs on")
        String time_zone() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(IvrCatalogComponent.class);

    private IvrFolder folder;
    /** Per menu file, the sounds Asterisk answered it could not play, as the IVR application found them. */
    private final MissingSounds missingSounds = new MissingSounds();
    private PeriodicTask scanner;

    @Activate
    void activate(BundleContext context, Config config) {
        folder = new IvrFolder(ModuleFiles.resolve("karaf.etc", "etc", config.folder()), zone(config.time_zone()));
        scanner = PeriodicTask.startAfterFirstRun("ivr-menu-scan",
                Duration.ofSeconds(Math.max(1, config.scan_interval_seconds())), folder::scan, context);
    }

    private static ZoneId zone(String configured) {
        if (configured == null || configured.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(configured.trim());
        } catch (DateTimeException e) {
            LOG.error("time.zone '{}' in org.callscore.ivr is not a time zone ({}); using {}", configured,
                    e.getMessage(), ZoneId.systemDefault());
            return ZoneId.systemDefault();
        }
    }

    @Deactivate
    void deactivate() {
        scanner.close();
    }

    @Override
    public Optional<MenuTree> byName(String name) {
        return folder.byName(name);
    }

    @Override
    public SortedSet<String> names() {
        return folder.names();
    }

    @Override
    public Map<String, BusinessHours.Calendar> calendars() {
        return folder.calendars();
    }

    @Override
    public ZoneId zone() {
        return folder.zone();
    }

    @Override
    public Map<String, String> problems() {
        return folder.problems();
    }

    @Override
    public boolean soundMissing(String tree, String sound) {
        return missingSounds.add(tree, sound);
    }

    @Override
    public Map<String, SortedSet<String>> missingSounds() {
        return missingSounds.all();
    }
}

package org.callscore.ivr.internal;

import java.time.ZoneId;
import java.util.Map;

import org.callscore.ivr.BusinessHours;
import org.callscore.ivr.IvrCatalog;
import org.callscore.ivr.MenuTree;
import org.callscore.storage.BackgroundTask;
import org.callscore.storage.TaskStatus;
import org.callscore.site.SiteZone;
import org.callscore.support.catalog.DefinitionCatalog;
import org.callscore.support.files.ModuleFiles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@link IvrCatalog} of {@code etc/callscore/ivr}, checked for changes every few seconds. */
@Component(configurationPid = "org.callscore.ivr", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true) // files are checked, and their mistakes logged, before the first call
@Designate(ocd = IvrCatalogComponent.Config.class)
public class IvrCatalogComponent extends DefinitionCatalog<MenuTree> implements IvrCatalog {

    @ObjectClassDefinition(name = "CallScore IVR menus", description = "Where menu files and calendars live")
    @interface Config {

        @AttributeDefinition(name = "Folder",
                description = "Folder of NAME.ivr menu files and NAME.ics calendars; relative paths are taken from "
                        + "Karaf's etc/")
        String folder() default "callscore/ivr";

        @AttributeDefinition(name = "Check interval (s)", description = "How often changed files are re-read")
        int scan_interval_seconds() default 2;
    }

    /** Business hours are in the site's zone; a change of it reads the menus again at the next check. */
    @Reference
    SiteZone siteZone;

    private IvrFolder folder;

    @Activate
    void activate(BundleContext context, Config config) {
        folder = new IvrFolder(ModuleFiles.resolve("karaf.etc", "etc", config.folder()), siteZone::zone);
        scanEvery("ivr-menu-scan", config.scan_interval_seconds(), folder,
                task -> BackgroundTask.register(context, task.name(), () -> task.status(TaskStatus::new))::unregister);
    }

    @Override
    public Map<String, BusinessHours.Calendar> calendars() {
        return folder.calendars();
    }

    @Override
    public ZoneId zone() {
        return folder.zone();
    }
}

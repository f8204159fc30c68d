package org.callscore.survey.internal;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.callscore.storage.BackgroundTask;
import org.callscore.storage.TaskStatus;
import org.callscore.support.catalog.DefinitionCatalog;
import org.callscore.support.files.ModuleFiles;
import org.callscore.survey.SurveyCatalog;
import org.callscore.survey.SurveyDefinition;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The {@link SurveyCatalog} of {@code etc/callscore/surveys}, checked for changes every few seconds. */
@Component(configurationPid = "org.callscore.survey", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true) // files are checked, and their mistakes logged, before the first call
@Designate(ocd = SurveyCatalogComponent.Config.class)
public class SurveyCatalogComponent extends DefinitionCatalog<SurveyDefinition> implements SurveyCatalog {

    @ObjectClassDefinition(name = "CallScore survey definitions", description = "Where survey files live")
    @interface Config {

        @AttributeDefinition(name = "Folder",
                description = "Folder of NAME.survey files; relative paths are taken from Karaf's etc/")
        String folder() default "callscore/surveys";

        @AttributeDefinition(name = "Check interval (s)", description = "How often changed files are re-read")
        int scan_interval_seconds() default 2;
    }

    private SurveyFolder surveys;

    @Activate
    void activate(BundleContext context, Config config) {
        surveys = new SurveyFolder(ModuleFiles.resolve("karaf.etc", "etc", config.folder()));
        scanEvery("survey-file-scan", config.scan_interval_seconds(), surveys,
                task -> BackgroundTask.register(context, task.name(), () -> task.status(TaskStatus::new))::unregister);
    }

    @Override
    public Optional<SurveyDefinition> forQueue(String queue) {
        return surveys.forQueue(queue);
    }

    @Override
    public Map<String, SortedSet<String>> missingSounds() {
        Map<String, SortedSet<String>> still = new TreeMap<>();
        super.missingSounds().forEach((name, sounds) -> byName(name).ifPresent(survey -> {
            // a sound the file no longer names is no longer the administrator's problem
            SortedSet<String> named = new TreeSet<>(sounds);
            named.retainAll(survey.sounds());
            if (!named.isEmpty()) {
                still.put(name, named);
            }
        }));
        return still;
    }
}

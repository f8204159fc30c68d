package org.callscore.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.callscore.storage.BackgroundTask;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.components.FolderScans;
import org.callscore.testing.components.TestBundleContext;
import org.callscore.testing.files.HugeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The survey-file-scan task, driven as Declarative Services drives the component: a file that broke the scan
 * (a copied log of gigabytes: OutOfMemoryError before ModuleFiles.readDefinition) and a folder that goes away
 * do not stop the scans; a file dropped in afterwards is loaded by a later run.
 */
class SurveyCatalogComponentRecoveryTest {

    private static final String SURVEY = "queues = sales\nintro = beep\nthanks = beep\nquestion.1.prompt = beep\n";

    @TempDir
    Path etc;

    @Test
    void theScanGoesOnAfterABadFileAndAVanishedFolderAndLoadsAFileDroppedInLater() throws Exception {
        Path folder = Files.createDirectory(etc.resolve("surveys"));
        HugeFile.at(folder.resolve("copied-log.survey")); // a copied log of gigabytes
        Files.writeString(folder.resolve("after-call.survey"), SURVEY);
        TestBundleContext bundle = new TestBundleContext();
        SurveyCatalogComponent catalog = new SurveyCatalogComponent();

        catalog.activate(bundle.context(), ComponentConfig.of(SurveyCatalogComponent.Config.class,
                Map.of("folder", folder.toString(), "scan_interval_seconds", 1)));
        try {
            BackgroundTask task = bundle.task("survey-file-scan");
            assertThat(catalog.names()).containsExactly("after-call");
            assertThat(catalog.problems()).containsOnlyKeys("copied-log.survey");

            FolderScans.survivesAVanishedFolder(task, folder, catalog::names, catalog::problems,
                    "dropped-later.survey", SURVEY);
            assertThat(catalog.forQueue("sales")).get().extracting(s -> s.name()).isEqualTo("dropped-later");
        } finally {
            catalog.deactivate();
        }
        assertThat(bundle.hasServices()).isFalse();
    }
}

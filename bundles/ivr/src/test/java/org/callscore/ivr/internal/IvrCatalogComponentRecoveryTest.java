package org.callscore.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import org.callscore.storage.BackgroundTask;
import org.callscore.testing.components.ComponentConfig;
import org.callscore.testing.components.FolderScans;
import org.callscore.testing.components.TestBundleContext;
import org.callscore.testing.files.HugeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ivr-menu-scan task, driven as Declarative Services drives the component: files that broke the scan
 * (direct.dial = [9-1]XX threw PatternSyntaxException; a copied log of gigabytes, OutOfMemoryError) and a
 * folder that goes away do not stop the scans; a menu file dropped in afterwards is loaded by a later run.
 */
class IvrCatalogComponentRecoveryTest {

    private static final String MENU = "agent = support\nmenu.main.prompt = beep\nmenu.main.key.1 = queue:sales\n";

    @TempDir
    Path etc;

    @Test
    void theScanGoesOnAfterBadFilesAndAVanishedFolderAndLoadsAFileDroppedInLater() throws Exception {
        Path folder = Files.createDirectory(etc.resolve("ivr"));
        HugeFile.at(folder.resolve("a-copied-log.ivr")); // a copied log of gigabytes
        Files.writeString(folder.resolve("b-backwards.ivr"), MENU + "menu.main.direct.dial = [9-1]XX\n");
        Files.writeString(folder.resolve("main.ivr"), MENU);
        TestBundleContext bundle = new TestBundleContext();
        IvrCatalogComponent catalog = new IvrCatalogComponent();
        catalog.siteZone = () -> ZoneId.of("Europe/Berlin");

        catalog.activate(bundle.context(), ComponentConfig.of(IvrCatalogComponent.Config.class,
                Map.of("folder", folder.toString(), "scan_interval_seconds", 1)));
        try {
            BackgroundTask task = bundle.task("ivr-menu-scan");
            assertThat(catalog.names()).containsExactly("main");
            assertThat(catalog.problems()).containsOnlyKeys("a-copied-log.ivr", "b-backwards.ivr");

            FolderScans.survivesAVanishedFolder(task, folder, catalog::names, catalog::problems, "dropped-later.ivr",
                    MENU);
        } finally {
            catalog.deactivate();
        }
        assertThat(bundle.hasServices()).isFalse();
    }
}

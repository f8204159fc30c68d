package org.callscore.support.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DefinitionCatalogTest {

    /** A folder of one survey file, "after-call", and one refused file. */
    private static final class OneFile implements DefinitionCatalog.Folder<String> {
        final AtomicInteger scans = new AtomicInteger();

        @Override
        public void scan() {
            scans.incrementAndGet();
        }

        @Override
        public Optional<String> byName(String name) {
            return scans.get() > 0 && name.equals("after-call") ? Optional.of("the after-call survey") : Optional.empty();
        }

        @Override
        public SortedSet<String> names() {
            return scans.get() > 0 ? new TreeSet<>(List.of("after-call")) : new TreeSet<>();
        }

        @Override
        public Map<String, String> problems() {
            return Map.of("copied-log.survey", "too large");
        }
    }

    private static final class Catalog extends DefinitionCatalog<String> {
    }

    @Test
    void theFolderIsReadBeforeActivationEndsAndTheTaskIsShownUntilDeactivation() {
        OneFile folder = new OneFile();
        List<String> shown = new ArrayList<>();
        Catalog catalog = new Catalog();

        catalog.scanEvery("survey-file-scan", 0, folder, task -> {
            shown.add(task.name());
            return () -> shown.remove(task.name());
        });
        try {
            assertThat(folder.scans.get()).as("read on the activating thread").isEqualTo(1);
            assertThat(catalog.names()).containsExactly("after-call");
            assertThat(catalog.byName("after-call")).contains("the after-call survey");
            assertThat(catalog.byName("other")).isEmpty();
            assertThat(catalog.problems()).containsOnlyKeys("copied-log.survey");
            assertThat(shown).containsExactly("survey-file-scan");
        } finally {
            catalog.deactivate();
        }
        assertThat(shown).as("no longer shown in callscore:status").isEmpty();
    }

    @Test
    void aMissingSoundIsNewOnlyOncePerFile() {
        Catalog catalog = new Catalog();

        assertThat(catalog.soundMissing("after-call", "custom/thanks")).isTrue();
        assertThat(catalog.soundMissing("after-call", "custom/thanks")).isFalse();
        assertThat(catalog.soundMissing("main", "custom/thanks")).isTrue();

        assertThat(catalog.missingSounds()).containsOnlyKeys("after-call", "main");
        assertThat(catalog.missingSounds().get("after-call")).containsExactly("custom/thanks");
    }
}

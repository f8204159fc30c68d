package org.callscore.support.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.callscore.support.definition.MissingSounds;
import org.callscore.support.task.PeriodicTask;
import org.osgi.service.component.annotations.Deactivate;

/**
 * A catalog of definition files (surveys, IVR menus) kept from its folder: read once on the activating thread, so
 * that a call arriving just after activation finds the files, then every few seconds on a {@link PeriodicTask}; and
 * the sounds Asterisk answered it could not play, per file, as the module's application found them.
 * <p>
 * The subclass is the component ({@code @Component(immediate = true)} with its configuration): its activate method
 * makes the folder and calls {@link #scanEvery}; bnd finds this deactivate method through
 * {@code -dsannotations-options: inherit} (parent pom).
 *
 * @param <D> one definition, as a call uses it
 */
public abstract class DefinitionCatalog<D> {

    /** A folder of definition files as the catalog reads it. */
    public interface Folder<D> {

        /** Reads new and changed files and forgets deleted ones. */
        void scan();

        Optional<D> byName(String name);

        SortedSet<String> names();

        /** @return per file name, why it is not in use (or why its last good version still is) */
        Map<String, String> problems();
    }

    private final MissingSounds missingSounds = new MissingSounds();
    private Folder<D> folder;
    private PeriodicTask scanner;

    /**
     * Reads {@code folder} now, then every {@code intervalSeconds} (at least one) on the task {@code task}.
     *
     * @param publisher shows the task in {@code callscore:status}
     */
    protected final void scanEvery(String task, int intervalSeconds, Folder<D> folder,
            PeriodicTask.Publisher publisher) {
        this.folder = folder;
        scanner = PeriodicTask.startAfterFirstRun(task, Duration.ofSeconds(Math.max(1, intervalSeconds)),
                folder::scan, publisher);
    }

    @Deactivate
    public void deactivate() {
        scanner.close();
    }

    public Optional<D> byName(String name) {
        return folder.byName(name);
    }

    public SortedSet<String> names() {
        return folder.names();
    }

    public Map<String, String> problems() {
        return folder.problems();
    }

    /** @return true the first time this sound of this file is noted: the application logs it then */
    public boolean soundMissing(String file, String sound) {
        return missingSounds.add(file, sound);
    }

    /** @return per file, the sounds noted so far */
    public Map<String, SortedSet<String>> missingSounds() {
        return missingSounds.all();
    }
}

package org.callscore.ivr.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.callscore.ivr.BusinessHours;
import org.callscore.ivr.IvrCatalog;
import org.callscore.ivr.MenuTree;
import org.callscore.ivr.internal.IvrFile;
import org.callscore.ivr.internal.IvrFileException;
import org.callscore.support.catalog.DefinitionCatalog;
import org.callscore.support.files.ModuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The menu files ({@code NAME.ivr}) and calendars ({@code NAME.ics}) of one folder, re-read when a file
 * changes. Menu files are checked against the calendars, so when any file changes every menu file is checked
 * again (a deleted calendar makes the menus that use it a problem). A file that no longer parses keeps its last
 * good version in use, so a half-saved edit never reaches a caller.
 */
final class IvrFolder implements IvrCatalog, DefinitionCatalog.Folder<MenuTree> {

    private static final Logger LOG = LoggerFactory.getLogger(IvrFolder.class);

    private final Path folder;
    private final Supplier<ZoneId> siteZone;
    /** The zone the menus in use were read with; a change of the site's zone reads them again. */
    private volatile ZoneId zone;
    private final Map<String, MenuTree> trees = new ConcurrentHashMap<>();
    private final Map<String, BusinessHours.Calendar> calendars = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    /** What each file looked like when last read; the folder is read again only when this changes. */
    private Map<String, Stamp> seen = Map.of();

    private record Stamp(FileTime modified, long size) {
    }

    IvrFolder(Path folder, Supplier<ZoneId> siteZone) {
        this.folder = folder;
        this.siteZone = siteZone;
    }

    /** Reads new and changed files and forgets deleted ones; called at start and then every few seconds. */
    @Override
    public synchronized void scan() {
        Map<String, Stamp> now = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{ivr,ics}")) {
                for (Path file : files) {
                    try {
                        now.put(file.getFileName().toString(), new Stamp(Files.getLastModifiedTime(file), Files.size(file)));
                    } catch (IOException e) {
                        // deleted meanwhile: seen as gone
                    }
                }
            } catch (IOException e) {
                LOG.warn("Cannot list IVR folder {}: {}", folder, e.getMessage());
                return;
            }
        }
        ZoneId before = zone;
        zone = siteZone.get();
        boolean rezoned = before != null && !before.equals(zone);
        if (now.equals(seen) && !rezoned) {
            return;
        }
        Map<String, String> texts = new TreeMap<>();
        for (String fileName : now.keySet()) {
            try {
                texts.put(fileName, ModuleFiles.readDefinition(folder.resolve(fileName)));
            } catch (IOException e) {
                refuse(fileName, "cannot be read: " + e.getMessage());
            }
        }
        Map<String, Stamp> last = seen;
        seen = now;
        Set<String> known = new HashSet<>(last.keySet());
        known.addAll(problems.keySet());
        for (String gone : known) {
            if (!now.containsKey(gone)) {
                problems.remove(gone);
                String name = nameOf(gone);
                if ((gone.endsWith(IvrFile.EXTENSION) ? trees.remove(name) : calendars.remove(name)) != null) {
                    LOG.info("IVR {} {} removed (its file is gone)", kind(gone), name);
                }
            }
        }
        texts.forEach((fileName, text) -> {
            if (fileName.endsWith(IvrFile.CALENDAR_EXTENSION)) {
                boolean changed = !Objects.equals(last.get(fileName), now.get(fileName));
                read(fileName, changed, () -> {
                    BusinessHours.Calendar calendar = CalendarFile.parse(nameOf(fileName), text);
                    calendars.put(nameOf(fileName), calendar);
                    return calendar;
                });
            }
        });
        texts.forEach((fileName, text) -> {
            if (fileName.endsWith(IvrFile.EXTENSION)) {
                String name = nameOf(fileName);
                MenuTree old = trees.get(name);
                read(fileName, old == null || rezoned || !Objects.equals(last.get(fileName), now.get(fileName)), () -> {
                    MenuTree tree = IvrFile.parse(name, text, Map.copyOf(calendars), zone);
                    trees.put(name, tree);
                    return tree;
                });
            }
        });
    }

    private interface Parse {
        Object run();
    }

    /** Parses one file; logs a change of outcome once, not at every scan. */
    private void read(String fileName, boolean changed, Parse parse) {
        String name = nameOf(fileName);
        boolean known = fileName.endsWith(IvrFile.EXTENSION) ? trees.containsKey(name) : calendars.containsKey(name);
        try {
            Object result = parse.run();
            String previous = problems.remove(fileName);
            if (changed || previous != null) {
                LOG.info("IVR {} {} {} from {}{}", kind(fileName), name, known ? "reloaded" : "loaded",
                        folder.resolve(fileName), describe(result));
            }
        } catch (IvrFileException e) {
            refuse(fileName, e.getMessage());
        } catch (RuntimeException e) {
            // a defect of the parser, not of the file: this file is not used, the others still are
            LOG.error("IVR file {} could not be checked", folder.resolve(fileName), e);
            refuse(fileName, "could not be checked (" + e + "); please report this file to CallScore");
        }
    }

    /** Records why a file is not used; logs it once, not at every scan. */
    private void refuse(String fileName, String problem) {
        if (!problem.equals(problems.put(fileName, problem))) {
            String name = nameOf(fileName);
            boolean known = fileName.endsWith(IvrFile.EXTENSION) ? trees.containsKey(name) : calendars.containsKey(name);
            LOG.error("IVR file {} not used: {}{}", folder.resolve(fileName), problem,
                    known ? "; its last good version stays in use" : "");
        }
    }

    private static String describe(Object result) {
        if (result instanceof MenuTree tree) {
            return " (" + tree.menus().size() + " menus, depth " + tree.depth() + ")";
        }
        if (result instanceof BusinessHours.Calendar calendar) {
            return " (" + calendar.openings() + " opening events, " + calendar.closures() + " closures)";
        }
        return "";
    }

    private static String kind(String fileName) {
        return fileName.endsWith(IvrFile.EXTENSION) ? "menu file" : "calendar";
    }

    private static String nameOf(String fileName) {
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }

    @Override
    public Optional<MenuTree> byName(String name) {
        return Optional.ofNullable(trees.get(name));
    }

    @Override
    public SortedSet<String> names() {
        return new TreeSet<>(trees.keySet());
    }

    @Override
    public Map<String, BusinessHours.Calendar> calendars() {
        return new TreeMap<>(calendars);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Map<String, String> problems() {
        return new HashMap<>(problems);
    }
}

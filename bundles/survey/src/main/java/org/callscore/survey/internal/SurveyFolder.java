package org.callscore.survey.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.callscore.support.catalog.DefinitionCatalog;
import org.callscore.support.files.ModuleFiles;
import org.callscore.survey.SurveyCatalog;
import org.callscore.survey.SurveyDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The surveys in a folder of {@code NAME.survey} files, re-read when a file changes. A file that no longer
 * parses keeps its last good version in use, so a half-saved edit never reaches a caller.
 */
final class SurveyFolder implements SurveyCatalog, DefinitionCatalog.Folder<SurveyDefinition> {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyFolder.class);

    private final Path folder;
    private final Map<String, SurveyDefinition> surveys = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    /** What each file looked like when last read, so unchanged files are not parsed again. */
    private final Map<String, Stamp> seen = new HashMap<>();

    private record Stamp(FileTime modified, long size) {
    }

    SurveyFolder(Path folder) {
        this.folder = folder;
    }

    /** Reads new and changed files and forgets deleted ones; called at start and then every few seconds. */
    @Override
    public synchronized void scan() {
        Set<String> present = new HashSet<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SurveyFile.EXTENSION)) {
                for (Path file : files) {
                    String fileName = file.getFileName().toString();
                    present.add(fileName);
                    read(file, fileName);
                }
            } catch (IOException e) {
                LOG.warn("Cannot list survey folder {}: {}", folder, e.getMessage());
                return;
            }
        }
        Set<String> known = new HashSet<>(seen.keySet());
        known.addAll(problems.keySet()); // a file that could never be read is in problems only
        for (String gone : known) {
            if (!present.contains(gone)) {
                seen.remove(gone);
                problems.remove(gone);
                if (surveys.remove(nameOf(gone)) != null) {
                    LOG.info("Survey {} removed (its file is gone)", nameOf(gone));
                }
            }
        }
    }

    private void read(Path file, String fileName) {
        Stamp stamp;
        String text;
        try {
            stamp = new Stamp(Files.getLastModifiedTime(file), Files.size(file));
            if (stamp.equals(seen.get(fileName))) {
                return;
            }
            text = ModuleFiles.readDefinition(file);
        } catch (IOException e) {
            refuse(file, fileName, "cannot be read: " + e.getMessage());
            return;
        }
        seen.put(fileName, stamp);
        String name = nameOf(fileName);
        try {
            SurveyDefinition survey = SurveyFile.parse(name, text);
            boolean changed = surveys.put(name, survey) != null;
            problems.remove(fileName);
            LOG.info("Survey {} {} from {} ({} questions)", name, changed ? "reloaded" : "loaded", file,
                    survey.questions().size());
        } catch (SurveyFileException e) {
            refuse(file, fileName, e.getMessage());
        } catch (RuntimeException e) {
            // a defect of the parser, not of the file: this file is not used, the others still are
            LOG.error("Survey file {} could not be checked", file, e);
            refuse(file, fileName, "could not be checked (" + e + "); please report this file to CallScore");
        }
    }

    /** Records why a file is not used; logs it once, not at every scan. */
    private void refuse(Path file, String fileName, String problem) {
        if (!problem.equals(problems.put(fileName, problem))) {
            LOG.error("Survey file {} not used: {}{}", file, problem,
                    surveys.containsKey(nameOf(fileName)) ? "; its last good version stays in use" : "");
        }
    }

    private static String nameOf(String fileName) {
        return fileName.substring(0, fileName.length() - SurveyFile.EXTENSION.length());
    }

    @Override
    public Optional<SurveyDefinition> byName(String name) {
        return Optional.ofNullable(surveys.get(name));
    }

    @Override
    public Optional<SurveyDefinition> forQueue(String queue) {
        return new TreeMap<>(surveys).values().stream().filter(s -> s.queues().contains(queue)).findFirst();
    }

    @Override
    public SortedSet<String> names() {
        return new TreeSet<>(surveys.keySet());
    }

    @Override
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }
}

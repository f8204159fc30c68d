package org.callscore.support.command;

import java.util.Map;
import java.util.TreeMap;

/**
 * The definition files a catalog refused, as its console listing names them ({@code ivr:list}, {@code survey:list}):
 * one section, the same in every listing, so an administrator reads them all the same way.
 */
public final class RefusedFiles {

    private RefusedFiles() {
    }

    /**
     * @param kept     what keeps its last good version meanwhile, e.g. {@code a survey}
     * @param problems file name to what is wrong with it
     * @return a section naming each file and why, by file name, or "" when none was refused
     */
    public static String listing(String kept, Map<String, String> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nFiles refused (").append(kept)
                .append(" keeps its last good version meanwhile):\n");
        new TreeMap<>(problems).forEach((file, problem) -> out.append("  ").append(file).append(": ").append(problem)
                .append('\n'));
        return out.toString();
    }
}

package org.callscore.survey.internal.command;

import java.util.stream.Collectors;

import org.callscore.support.command.RefusedFiles;
import org.callscore.support.definition.MissingSounds;
import org.callscore.survey.Question;
import org.callscore.survey.SurveyCatalog;
import org.callscore.survey.SurveyDefinition;

/** What {@code survey:list} prints. */
final class SurveyListing {

    private static final String ROW = "%-20s %-24s %-9s %-12s%n";

    private SurveyListing() {
    }

    /** @param pending events in the journal, or -1 when the responses service is not running */
    static String render(SurveyCatalog catalog, int pending) {
        StringBuilder out = new StringBuilder();
        if (catalog.names().isEmpty()) {
            out.append("No survey in use.\n");
        } else {
            out.append(String.format(ROW, "Survey", "Queues", "Questions", "Version"));
            for (String name : catalog.names()) {
                catalog.byName(name).ifPresent(survey -> out.append(String.format(ROW, name,
                        survey.queues().isEmpty() ? "(by name only)" : String.join(",", new java.util.TreeSet<>(
                                survey.queues())), survey.questions().size(), survey.version().substring(0, 12))));
            }
            for (String name : catalog.names()) {
                catalog.byName(name).ifPresent(survey -> out.append(questions(survey)));
            }
        }
        out.append(RefusedFiles.listing("a survey", catalog.problems()));
        out.append(MissingSounds.listing("callers hear nothing there; a question without its prompt is skipped",
                catalog.missingSounds()));
        out.append('\n').append(pending < 0 ? "Survey responses: not running (answers cannot be taken)"
                : pending == 0 ? "Survey journal: empty (every answer is in MariaDB)"
                        : "Survey journal: " + pending + " events wait for MariaDB").append('\n');
        return out.toString();
    }

    private static String questions(SurveyDefinition survey) {
        return "\n" + survey.name() + ":\n" + survey.questions().stream().map(SurveyListing::question)
                .collect(Collectors.joining());
    }

    private static String question(Question q) {
        String complaint = q.complaintOnLowest() ? ", complaint on lowest" : q.complaintOnYes() ? ", complaint on yes"
                : "";
        return String.format("  %-16s %-9s %-16s %s%s%n", q.id(), q.scale().label(),
                q.dimension().isEmpty() ? "-" : q.dimension(), q.prompt(), complaint);
    }
}

package org.callscore.survey.internal.command;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.survey.SurveyCatalog;
import org.callscore.survey.SurveyResponses;
import org.callscore.support.command.ModuleCommand;

/** {@code survey:list}: the surveys in use, the files refused, and answers waiting for MariaDB. */
@Command(scope = "survey", name = "list",
        description = "Lists the surveys in use (queues, questions, version), the survey files refused and why, "
                + "and how many survey events wait in the journal for MariaDB")
@Service
public class ListCommand extends ModuleCommand {

    @Reference(optional = true)
    SurveyCatalog catalog;

    @Reference(optional = true)
    SurveyResponses responses;

    public ListCommand() {
        super("The survey catalog is not running (see scr:list)");
    }

    @Override
    protected Optional<String> text() {
        return Optional.ofNullable(catalog)
                .map(running -> SurveyListing.render(running, responses == null ? -1 : responses.pending()));
    }
}

package org.callscore.survey.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.callscore.survey.SurveyCatalog;
import org.callscore.survey.SurveyResponses;

/** {@code survey:list}: the surveys in use, the files refused, and answers waiting for MariaDB. */
@Command(scope = "survey", name = "list",
        description = "Lists the surveys in use (queues, questions, version), the survey files refused and why, "
                + "and how many survey events wait in the journal for MariaDB")
@Service
public class ListCommand implements Action {

    @Reference(optional = true)
    SurveyCatalog catalog;

    @Reference(optional = true)
    SurveyResponses responses;

    @Override
    public Object execute() {
        if (catalog == null) {
            System.out.println("The survey catalog is not running (see scr:list)");
            return null;
        }
        System.out.print(SurveyListing.render(catalog, responses == null ? -1 : responses.pending()));
        return null;
    }
}

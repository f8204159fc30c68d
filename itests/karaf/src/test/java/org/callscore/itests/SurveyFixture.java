package org.callscore.itests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;

/** Survey files in the running Karaf's etc/, and the rows the survey module wrote. */
final class SurveyFixture {

    /** Three questions: five-point with complaint on lowest, yes/no, 0-10. */
    static final String THREE_QUESTIONS = String.join("\n",
            "intro = itest/intro",
            "invalid.key = itest/invalid",
            "thanks = itest/thanks",
            "question.1.id = attitude",
            "question.1.prompt = itest/q-attitude",
            "question.1.dimension = empathy",
            "question.1.complaint.on.lowest = true",
            "question.2.id = solved",
            "question.2.prompt = itest/q-solved",
            "question.2.scale = yes-no",
            "question.2.retries = 1",
            "question.3.id = recommend",
            "question.3.prompt = itest/q-recommend",
            "question.3.scale = 0-10",
            "");

    private SurveyFixture() {
    }

    static Path folder() {
        return Path.of(System.getProperty("karaf.etc"), "callscore", "surveys");
    }

    /** Writes NAME.survey as an editor saves it; the catalog picks it up at its next scan. */
    static void write(String name, String text) throws IOException {
        EditorSave.write(folder().resolve(name + ".survey"), text);
    }

    static Map<String, Object> response(Jdbi jdbi, String uniqueId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, survey, status, uniqueid, linkedid, queue, "
                + "agent, questions, comment_path, ended_at IS NOT NULL AS ended FROM survey_response "
                + "WHERE uniqueid = :u").bind("u", uniqueId).mapToMap().one());
    }

    /** question id = score, in question order */
    static List<String> answers(Jdbi jdbi, String uniqueId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT CONCAT(a.question_id, '=', a.score, "
                + "IF(a.complaint, '!', ''), '@', a.attempts) FROM survey_answer a JOIN survey_response r "
                + "ON r.id = a.response_id WHERE r.uniqueid = :u ORDER BY a.position").bind("u", uniqueId)
                .mapTo(String.class).list());
    }

    static int responses(Jdbi jdbi, String uniqueId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM survey_response WHERE uniqueid = :u")
                .bind("u", uniqueId).mapTo(Integer.class).one());
    }
}

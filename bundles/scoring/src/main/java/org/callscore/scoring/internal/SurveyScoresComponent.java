package org.callscore.scoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.callscore.scoring.LowScoredResponse;
import org.callscore.scoring.ScoreQuery;
import org.callscore.scoring.ScoreRow;
import org.callscore.scoring.SurveyScores;
import org.callscore.scoring.YesNoAnswer;
import org.callscore.storage.Database;
import org.callscore.survey.SurveyResponses;
import org.callscore.storage.DatabaseStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads the survey module's tables (the only bundle besides the survey's that does) with one query per report:
 * for scores, every response started in the period, joined with its answers, ordered so that each response's
 * rows come together, grouped and tallied in Java; for the reports, the answers to one yes-no question and the
 * low-scored responses.
 */
@Component(service = SurveyScores.class)
public class SurveyScoresComponent implements SurveyScores {

    /** The module that owns the tables read here. */
    static final String SURVEY_MODULE = SurveyResponses.SCHEMA;

    private static final String SELECT = """
            SELECT r.id, r.survey, r.queue, r.agent, r.status, r.started_at,
                   a.question_id, a.scale, a.dimension, a.score, a.complaint
              FROM survey_response r
              LEFT JOIN survey_answer a ON a.response_id = r.id
             WHERE\s""";
    private static final String ORDER = " ORDER BY r.id, a.position";
    private static final String YES_NO_ANSWERS = """
            SELECT r.started_at, r.queue, r.agent, a.score
              FROM survey_response r
              JOIN survey_answer a ON a.response_id = r.id AND a.question_id = :question AND a.scale = :scale
             WHERE\s""";
    private static final String LOW_SCORED = """
            SELECT r.uniqueid, r.queue, r.agent, r.started_at, r.survey, r.comment_path,
                   AVG(CASE WHEN a.scale = :fivePoint THEN a.score END) AS mean, MAX(a.complaint) AS complaint
              FROM survey_response r
              JOIN survey_answer a ON a.response_id = r.id
             WHERE\s""";
    private static final String LOW_SCORED_ORDER = " GROUP BY r.id HAVING MAX(a.complaint) OR mean <= :maxMean"
            + " ORDER BY r.started_at DESC LIMIT :limit";
    // the optional filters: fixed text, values bound
    private static final Map<String, String> FILTERS = Map.of(
            "queue", " AND r.queue = :queue",
            "agent", " AND r.agent = :agent",
            "survey", " AND r.survey = :survey");
    private static final int FETCH_SIZE = 1000;

    private final Database database;

    @Activate
    public SurveyScoresComponent(@Reference(name = "database") Database database) {
        this.database = database;
    }

    @Override
    public List<ScoreRow> scores(ScoreQuery query) {
        ScoreBoard board = new ScoreBoard(query.groupBy(), query.zone());
        readyJdbi().useHandle(handle -> select(handle, SELECT, query, ORDER).setFetchSize(FETCH_SIZE)
                .map(SurveyScoresComponent::row).useIterator(rows -> feed(rows, board)));
        return board.rows();
    }

    @Override
    public List<YesNoAnswer> yesNoAnswers(ScoreQuery query, String questionId) {
        return readyJdbi().withHandle(handle -> select(handle, YES_NO_ANSWERS, query, "")
                .bind("question", questionId).bind("scale", ScoreTally.Scale.YES_NO.name()).setFetchSize(FETCH_SIZE)
                .map((rs, ctx) -> new YesNoAnswer(rs.getTimestamp("started_at").toInstant(),
                        Optional.ofNullable(rs.getString("queue")), Optional.ofNullable(rs.getString("agent")),
                        rs.getInt("score") == 1))
                .list());
    }

    @Override
    public List<LowScoredResponse> lowScored(ScoreQuery query, double maxMean, int limit) {
        return readyJdbi().withHandle(handle -> select(handle, LOW_SCORED, query, LOW_SCORED_ORDER)
                .bind("fivePoint", ScoreTally.Scale.FIVE_POINT.name()).bind("maxMean", maxMean)
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> {
                    double mean = rs.getDouble("mean");
                    OptionalDouble meanScore = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(mean);
                    return new LowScoredResponse(rs.getString("uniqueid"), Optional.ofNullable(rs.getString("queue")),
                            Optional.ofNullable(rs.getString("agent")), rs.getTimestamp("started_at").toInstant(),
                            rs.getString("survey"), meanScore, rs.getBoolean("complaint"),
                            Optional.ofNullable(rs.getString("comment_path")));
                })
                .list());
    }

    private Jdbi readyJdbi() {
        if (!database.isReady(SURVEY_MODULE)) {
            throw new IllegalStateException("survey tables not ready: " + whyNotReady(database.status()));
        }
        return database.jdbi();
    }

    /** @return {@code head}, the query's period and filters as bound conditions, then {@code tail} */
    private static Query select(Handle handle, String head, ScoreQuery query, String tail) {
        Map<String, String> filters = new LinkedHashMap<>();
        query.queue().ifPresent(queue -> filters.put("queue", queue));
        query.agent().ifPresent(agent -> filters.put("agent", agent));
        query.survey().ifPresent(survey -> filters.put("survey", survey));
        StringBuilder sql = new StringBuilder(head).append("r.started_at >= :from AND r.started_at < :to");
        filters.keySet().forEach(name -> sql.append(FILTERS.get(name)));
        Query select = handle.createQuery(sql.append(tail).toString())
                .bind("from", query.from())
                .bind("to", query.to());
        filters.forEach(select::bind);
        return select;
    }

    static String whyNotReady(DatabaseStatus status) {
        if (!status.reachable()) {
            return "the database does not answer" + (status.problem().isEmpty() ? "" : " (" + status.problem() + ")");
        }
        return status.schema(SURVEY_MODULE).map(schema -> schema.problem().isEmpty()
                ? "the survey schema is at version " + schema.appliedVersion() + " of " + schema.latestVersion()
                        + " (see callscore:status)"
                : "the survey migrations stopped: " + schema.problem())
                .orElse("the survey module has not started (install its feature; see callscore:status)");
    }

    /** Collects consecutive rows of one response (the query orders by response) and hands it to the board. */
    private static void feed(Iterator<JoinedRow> rows, ScoreBoard board) {
        StoredResponse current = null;
        List<StoredResponse.Answer> answers = new ArrayList<>();
        while (rows.hasNext()) {
            JoinedRow row = rows.next();
            if (current != null && !current.id().equals(row.response().id())) {
                board.add(current.withAnswers(answers));
                answers.clear();
                current = null;
            }
            if (current == null) {
                current = row.response();
            }
            if (row.answer() != null) {
                answers.add(row.answer());
            }
        }
        if (current != null) {
            board.add(current.withAnswers(answers));
        }
    }

    /** One result row: the response (without answers) and at most one answer. */
    private record JoinedRow(StoredResponse response, StoredResponse.Answer answer) {
    }

    private static JoinedRow row(ResultSet rs, StatementContext context) throws SQLException {
        StoredResponse response = new StoredResponse(rs.getString("id"), rs.getString("survey"),
                rs.getString("queue"), rs.getString("agent"), rs.getString("status"),
                rs.getTimestamp("started_at").toInstant(), List.of());
        String questionId = rs.getString("question_id");
        StoredResponse.Answer answer = questionId == null ? null : new StoredResponse.Answer(questionId,
                rs.getString("scale"), rs.getString("dimension"), rs.getInt("score"), rs.getBoolean("complaint"));
        return new JoinedRow(response, answer);
    }
}

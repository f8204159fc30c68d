package org.callscore.survey.internal;

import static org.callscore.support.definition.SettingsReader.quote;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.callscore.support.definition.SettingsReader;
import org.callscore.survey.CallbackRule;
import org.callscore.survey.Question;
import org.callscore.survey.Scale;
import org.callscore.survey.SurveyDefinition;
import org.callscore.support.rules.DefinitionName;
import org.callscore.support.rules.QueueName;


/**
 * Reads a survey file ({@code etc/callscore/surveys/NAME.survey}, Java properties syntax). Every mistake is
 * reported as a {@link SurveyFileException} naming the survey and the key, and unknown keys are mistakes
 * too: a misspelt key silently ignored would change what callers hear.
 */
public final class SurveyFile {

    public static final String EXTENSION = ".survey";
    private static final Pattern QUESTION_KEY = Pattern.compile("question\\.(0|[1-9][0-9]{0,2})\\.(.+)");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "prompt", "scale", "dimension", "retries",
            "timeout.seconds", "complaint.on.lowest", "complaint.on.yes");
    private static final Set<String> SURVEY_FIELDS = Set.of("queues", "intro", "consent", "invalid.key",
            "comment.prompt", "comment.max.seconds", "thanks", "callback.queue", "callback.when");
    private static final Pattern MEAN_CONDITION = Pattern.compile("mean\\s*<=\\s*([1-5](?:\\.[0-9]{1,2})?)");

    private SurveyFile() {
    }

    /**
     * @param name the survey's name (its file name without {@value #EXTENSION})
     * @param text the file's content
     * @throws SurveyFileException naming the survey and the offending key
     */
    public static SurveyDefinition parse(String name, String text) {
        Reader reader = new Reader(name, text);
        for (String key : reader.keys()) {
            var question = QUESTION_KEY.matcher(key);
            boolean known = question.matches() ? QUESTION_FIELDS.contains(question.group(2)) : SURVEY_FIELDS.contains(key);
            if (!known) {
                throw reader.unknownKey(key, "a survey setting");
            }
        }
        List<Question> questions = reader.questions();
        return new SurveyDefinition(name, reader.queues(), reader.requiredSound("intro"),
                reader.optionalSound("consent"), reader.sound("invalid.key", "invalid"), questions,
                reader.optionalSound("comment.prompt"), reader.integer("comment.max.seconds", 60, 5, 600),
                reader.requiredSound("thanks"), text, reader.callback(questions));
    }

    private static final class Reader extends SettingsReader {

        private final String survey;

        Reader(String survey, String text) {
            super(survey, text, (key, problem) -> new SurveyFileException(survey, key, problem));
            this.survey = survey;
        }

        Set<String> queues() {
            String value = value("queues");
            Set<String> queues = new LinkedHashSet<>();
            if (value != null) {
                for (String queue : value.split("[,\\s]+")) {
                    if (!QueueName.isValid(queue)) {
                        throw new SurveyFileException(survey, "queues", quote(queue) + " is not a queue name");
                    }
                    queues.add(queue);
                }
            }
            return queues;
        }

        List<Question> questions() {
            TreeSet<Integer> numbers = new TreeSet<>();
            for (String key : keys()) {
                var matcher = QUESTION_KEY.matcher(key);
                if (matcher.matches()) {
                    numbers.add(Integer.parseInt(matcher.group(1)));
                }
            }
            if (numbers.isEmpty()) {
                throw new SurveyFileException(survey, "question.1.prompt", "is required: a survey needs a question");
            }
            List<Question> questions = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            int expected = 1;
            for (int number : numbers) {
                if (number != expected) {
                    throw new SurveyFileException(survey, "question." + expected + ".prompt",
                            "is missing: questions are numbered 1, 2, 3... without gaps");
                }
                String prefix = "question." + number + ".";
                String id = value(prefix + "id") == null ? "q" + number : value(prefix + "id");
                if (!DefinitionName.isValid(id)) {
                    throw new SurveyFileException(survey, prefix + "id", quote(id) + " must be "
                            + DefinitionName.RULE);
                }
                if (!ids.add(id)) {
                    throw new SurveyFileException(survey, prefix + "id", quote(id) + " is used by two questions");
                }
                Scale scale = scale(prefix + "scale");
                boolean complaintOnYes = bool(prefix + "complaint.on.yes");
                if (complaintOnYes && scale != Scale.YES_NO) {
                    throw new SurveyFileException(survey, prefix + "complaint.on.yes", "needs scale = yes-no");
                }
                questions.add(new Question(id, requiredSound(prefix + "prompt"), scale,
                        value(prefix + "dimension") == null ? "" : value(prefix + "dimension").toLowerCase(),
                        integer(prefix + "retries", 2, 0, 5), integer(prefix + "timeout.seconds", 5, 1, 30),
                        bool(prefix + "complaint.on.lowest"), complaintOnYes));
                expected++;
            }
            return questions;
        }

        /** callback.queue and callback.when, both or neither; each condition must be one the questions can meet. */
        Optional<CallbackRule> callback(List<Question> questions) {
            String queue = value("callback.queue");
            String when = value("callback.when");
            if (queue == null && when == null) {
                return Optional.empty();
            }
            if (queue == null) {
                throw new SurveyFileException(survey, "callback.queue", "is required with callback.when: the queue "
                        + "whose supervisors call back");
            }
            if (!QueueName.isValid(queue)) {
                throw new SurveyFileException(survey, "callback.queue", quote(queue) + " is not a queue name");
            }
            if (when == null || when.isBlank()) {
                throw new SurveyFileException(survey, "callback.when", "is required with callback.queue: complaint, "
                        + "mean <= N (1-5), or both joined by |");
            }
            boolean onComplaint = false;
            OptionalDouble meanAtMost = OptionalDouble.empty();
            for (String condition : when.split("\\|", -1)) {
                String term = condition.strip();
                var mean = MEAN_CONDITION.matcher(term);
                if (term.equals("complaint") && !onComplaint) {
                    if (questions.stream().noneMatch(q -> q.complaintOnLowest() || q.complaintOnYes())) {
                        throw new SurveyFileException(survey, "callback.when", "complaint needs a question with "
                                + "complaint.on.lowest or complaint.on.yes");
                    }
                    onComplaint = true;
                } else if (mean.matches() && meanAtMost.isEmpty()) {
                    if (questions.stream().noneMatch(q -> q.scale() == Scale.FIVE_POINT)) {
                        throw new SurveyFileException(survey, "callback.when", "mean needs a question on the 1-5 scale");
                    }
                    meanAtMost = OptionalDouble.of(Double.parseDouble(mean.group(1)));
                } else {
                    throw new SurveyFileException(survey, "callback.when", quote(term) + " is not a condition (or "
                            + "is given twice): use complaint, mean <= N (N 1-5), or both joined by |");
                }
            }
            return Optional.of(new CallbackRule(queue, onComplaint, meanAtMost));
        }

        Scale scale(String key) {
            String value = value(key);
            return value == null ? Scale.FIVE_POINT : Scale.ofLabel(value).orElseThrow(() -> new SurveyFileException(
                    survey, key, quote(value) + " is not a scale: use 1-5, 0-10 or yes-no"));
        }
    }
}

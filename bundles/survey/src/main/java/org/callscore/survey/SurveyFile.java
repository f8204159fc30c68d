package org.callscore.survey;

import static org.callscore.support.definition.SettingsReader.quote;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.callscore.support.definition.SettingsReader;


/**
 * Reads a survey file ({@code etc/callscore/surveys/NAME.survey}, Java properties syntax). Every mistake is
 * reported as a {@link SurveyFileException} naming the survey and the key, and unknown keys are mistakes
 * too: a misspelt key silently ignored would change what callers hear.
 */
public final class SurveyFile {

    public static final String EXTENSION = ".survey";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern QUEUE = Pattern.compile("[^,\\s]{1,128}");
    private static final Pattern QUESTION_KEY = Pattern.compile("question\\.(0|[1-9][0-9]{0,2})\\.(.+)");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "prompt", "scale", "dimension", "retries",
            "timeout.seconds", "complaint.on.lowest", "complaint.on.yes");
    private static final Set<String> SURVEY_FIELDS = Set.of("queues", "intro", "consent", "invalid.key",
            "comment.prompt", "comment.max.seconds", "thanks");

    private SurveyFile() {
    }

    /**
     * @param name the survey's name (its file name without {@value #EXTENSION})
     * @param text the file's content
     * @throws SurveyFileException naming the survey and the offending key
     */
    public static SurveyDefinition parse(String name, String text) {
        if (!NAME.matcher(name).matches()) {
            throw new SurveyFileException(name, "name", "must be lower-case letters, digits, '-' and '_'");
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new SurveyFileException(name, "(file)", "is not in properties syntax: " + e.getMessage());
        }
        Reader reader = new Reader(name, properties);
        for (String key : properties.stringPropertyNames()) {
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
                reader.requiredSound("thanks"), text);
    }

    private static final class Reader extends SettingsReader {

        private final String survey;

        Reader(String survey, Properties properties) {
            super(properties);
            this.survey = survey;
        }

        @Override
        protected SurveyFileException problem(String key, String problem) {
            return new SurveyFileException(survey, key, problem);
        }

        Set<String> queues() {
            String value = value("queues");
            Set<String> queues = new LinkedHashSet<>();
            if (value != null) {
                for (String queue : value.split("[,\\s]+")) {
                    if (!QUEUE.matcher(queue).matches()) {
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
                if (!ID.matcher(id).matches()) {
                    throw new SurveyFileException(survey, prefix + "id", quote(id) + " must be lower-case "
                            + "letters, digits, '-' and '_'");
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

        Scale scale(String key) {
            String value = value(key);
            return value == null ? Scale.FIVE_POINT : Scale.ofLabel(value).orElseThrow(() -> new SurveyFileException(
                    survey, key, quote(value) + " is not a scale: use 1-5, 0-10 or yes-no"));
        }
    }
}

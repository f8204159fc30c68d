package org.callscore.survey.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.callscore.survey.ResponseStatus;
import org.callscore.survey.SurveyAnswer;
import org.callscore.survey.SurveyOffer;

/**
 * What a survey call did, as the rows it writes, and as one line of the journal. Lines are fields encoded
 * with URL encoding and separated by spaces, so no caller-controlled character can split or forge a line.
 */
sealed interface ResponseEvent {

    String responseId();

    /** @return this event as one journal line, without its line end */
    String toLine();

    record Offered(String responseId, String survey, String version, String definition, String uniqueId,
            String linkedId, String queue, String agent, Instant at, int questions) implements ResponseEvent {

        static Offered of(SurveyOffer offer) {
            return new Offered(offer.responseId(), offer.survey().name(), offer.survey().version(),
                    offer.survey().text(), offer.uniqueId(), offer.linkedId().orElse(null),
                    offer.queue().orElse(null), offer.agent().orElse(null), offer.at(),
                    offer.survey().questions().size());
        }

        @Override
        public String toLine() {
            return line("offered", responseId, survey, version, definition, uniqueId, linkedId, queue, agent,
                    millis(at), String.valueOf(questions));
        }
    }

    record Answered(String responseId, String questionId, int position, String scale, String dimension, int score,
            boolean complaint, int attempts, Instant at) implements ResponseEvent {

        static Answered of(SurveyAnswer answer) {
            return new Answered(answer.responseId(), answer.question().id(), answer.position(),
                    answer.question().scale().name(), answer.question().dimension(), answer.score(),
                    answer.complaint(), answer.attempts(), answer.at());
        }

        @Override
        public String toLine() {
            return line("answered", responseId, questionId, String.valueOf(position), scale, dimension,
                    String.valueOf(score), String.valueOf(complaint), String.valueOf(attempts), millis(at));
        }
    }

    record Ended(String responseId, ResponseStatus status, Instant at, String comment) implements ResponseEvent {

        @Override
        public String toLine() {
            return line("ended", responseId, status.name(), millis(at), comment);
        }

        /** @return the status as the survey_response table spells it */
        public String statusCode() {
            return status.code();
        }
    }

    /**
     * @throws IllegalArgumentException when the line is not one this class wrote
     */
    static ResponseEvent parse(String line) {
        String[] raw = line.split(" ", -1);
        List<String> f = new ArrayList<>(raw.length);
        for (String field : raw) {
            f.add(field.equals("~") ? null : URLDecoder.decode(field, StandardCharsets.UTF_8));
        }
        try {
            switch (f.get(0)) {
                case "offered":
                    expect(f, 11);
                    return new Offered(f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7),
                            f.get(8), instant(f.get(9)), Integer.parseInt(f.get(10)));
                case "answered":
                    expect(f, 10);
                    return new Answered(f.get(1), f.get(2), Integer.parseInt(f.get(3)), f.get(4), f.get(5),
                            Integer.parseInt(f.get(6)), Boolean.parseBoolean(f.get(7)), Integer.parseInt(f.get(8)),
                            instant(f.get(9)));
                case "ended":
                    expect(f, 5);
                    return new Ended(f.get(1), ResponseStatus.valueOf(f.get(2)), instant(f.get(3)), f.get(4));
                default:
                    throw new IllegalArgumentException("unknown event '" + f.get(0) + "'");
            }
        } catch (NullPointerException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("incomplete event", e);
        }
    }

    private static void expect(List<String> fields, int count) {
        if (fields.size() != count) {
            throw new IllegalArgumentException(fields.get(0) + " event with " + fields.size() + " fields, not " + count);
        }
    }

    private static String line(String... fields) {
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            if (line.length() > 0) {
                line.append(' ');
            }
            // '~' is never produced by URL encoding, so it can stand for "no value"
            line.append(field == null ? "~" : URLEncoder.encode(field, StandardCharsets.UTF_8));
        }
        return line.toString();
    }

    private static String millis(Instant at) {
        return String.valueOf(at.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }
}

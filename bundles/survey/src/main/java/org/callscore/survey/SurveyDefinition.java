package org.callscore.survey;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.callscore.support.text.TextVersion;

/**
 * A survey as its file defines it.
 *
 * @param name          the survey's name, from its file name; what the dialplan asks for
 * @param queues        the queues it runs for (empty: only when asked for by name)
 * @param intro         sound played first
 * @param consent       optional sound asking whether the caller takes the survey (1 = yes)
 * @param invalidKey    sound played after an invalid key or silence, before the question is asked again
 * @param questions     the questions, in the order asked
 * @param commentPrompt optional sound inviting a voice comment at the end
 * @param commentSeconds longest voice comment recorded
 * @param thanks        sound played at the end
 * @param text          the file's text, kept so old answers still point at the questions they answered
 * @param callback      the file's callback rule: which responses call for a callback, by which queue
 */
public record SurveyDefinition(String name, Set<String> queues, String intro, Optional<String> consent,
        String invalidKey, List<Question> questions, Optional<String> commentPrompt, int commentSeconds,
        String thanks, String text, Optional<CallbackRule> callback) {

    public SurveyDefinition {
        queues = Set.copyOf(queues);
        questions = List.copyOf(questions);
        java.util.Objects.requireNonNull(callback, "callback");
    }

    /** A survey without a callback rule (the constructor of version 2.0). */
    public SurveyDefinition(String name, Set<String> queues, String intro, Optional<String> consent,
            String invalidKey, List<Question> questions, Optional<String> commentPrompt, int commentSeconds,
            String thanks, String text) {
        this(name, queues, intro, consent, invalidKey, questions, commentPrompt, commentSeconds, thanks, text,
                Optional.empty());
    }

    /** @return the SHA-256 of the file's text: identifies this version of the survey in stored responses */
    public String version() {
        return TextVersion.of(text);
    }

    /** @return every sound the survey plays: intro, consent, invalid key, the questions' prompts, comment, thanks */
    public java.util.Set<String> sounds() {
        java.util.Set<String> sounds = new java.util.LinkedHashSet<>();
        sounds.add(intro);
        consent.ifPresent(sounds::add);
        sounds.add(invalidKey);
        questions.forEach(question -> sounds.add(question.prompt()));
        commentPrompt.ifPresent(sounds::add);
        sounds.add(thanks);
        return sounds;
    }
}

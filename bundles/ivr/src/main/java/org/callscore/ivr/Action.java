package org.callscore.ivr;

import java.util.Optional;

/**
 * What a key (or a closed site, or a caller who keeps failing) does, as written in a menu file:
 * {@code menu:ID}, {@code back}, {@code top}, {@code repeat}, {@code play:SOUND}, {@code queue:NAME},
 * {@code extension:NUMBER}, {@code goto:CONTEXT,EXTEN,PRIORITY}, {@code survey:NAME}, {@code hangup},
 * {@code agent}.
 *
 * @param type   what kind of action
 * @param target the menu id, sound, queue, extension, {@code context,exten,priority} or survey; empty for
 *               back, top, repeat, hangup and agent
 */
public record Action(Type type, String target) {

    public enum Type {
        /** go down into another menu of the same file; {@code back} returns */
        MENU("menu", false),
        /** the menu the caller came from (the same menu at the start menu) */
        BACK("back", false),
        /** the file's start menu; the way back is forgotten */
        TOP("top", false),
        /** the menu's prompt again */
        REPEAT("repeat", false),
        /** play a sound (it can be interrupted by a key), then the menu again */
        PLAY("play", false),
        QUEUE("queue", true),
        EXTENSION("extension", true),
        GOTO("goto", true),
        SURVEY("survey", true),
        HANGUP("hangup", true),
        /** the file's agent queue, as if the caller pressed the agent key */
        AGENT("agent", true);

        private final String label;
        private final boolean leaves;

        Type(String label, boolean leaves) {
            this.label = label;
            this.leaves = leaves;
        }

        /** @return the word used in menu files and in IVR_DESTINATION_TYPE */
        public String label() {
            return label;
        }

        /** @return whether the caller leaves the IVR with this action (a destination for the dialplan) */
        public boolean leaves() {
            return leaves;
        }

        public static Optional<Type> ofLabel(String label) {
            for (Type type : values()) {
                if (type.label.equals(label)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public Action {
        target = target == null ? "" : target;
    }

    public static Action of(Type type) {
        return new Action(type, "");
    }

    /** @return the action as a menu file writes it */
    @Override
    public String toString() {
        return target.isEmpty() ? type.label : type.label + ":" + target;
    }
}

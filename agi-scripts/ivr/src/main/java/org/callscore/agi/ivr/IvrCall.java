package org.callscore.agi.ivr;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.callscore.ivr.Action;
import org.callscore.ivr.Action.Type;
import org.callscore.ivr.IvrVisit;
import org.callscore.ivr.Menu;
import org.callscore.ivr.MenuTree;

/**
 * One caller walking one menu file. Prompts are played with every key as an escape digit, so a key ends them
 * at once; then WAIT FOR DIGIT waits the menu's timeout only when no key came during them. A key pressed during
 * an information or "invalid" sound answers the menu that follows without it being played. The state is always
 * the visit so far, so a hang-up at any point leaves an exact {@link #visit}.
 */
final class IvrCall {

    /** Every key of a phone's keypad: any of them interrupts a prompt. */
    static final String KEYS = "0123456789*#";
    private static final char NONE = 0;

    private final AgiChannel channel;
    private final MenuTree tree;
    private final Supplier<Instant> clock;
    private final Instant startedAt;
    private final Deque<Menu> way = new ArrayDeque<>();
    private final List<String> path = new ArrayList<>();
    private Menu current;
    /** The menu the caller is in, or was last in. */
    private String where;
    private char pendingKey = NONE;
    private int keys;
    private boolean agentRequested;
    private Optional<Boolean> open = Optional.empty();
    private Action exit;
    private String status;

    IvrCall(AgiChannel channel, MenuTree tree, Supplier<Instant> clock) {
        this.channel = channel;
        this.tree = tree;
        this.clock = clock;
        this.startedAt = clock.get();
        this.where = tree.start();
    }

    /**
     * Walks the menus until the caller has a destination.
     *
     * @throws org.asteriskjava.fastagi.AgiHangupException when the caller hangs up; the visit stays exact
     */
    void run() throws AgiException {
        current = enter(tree.startMenu());
        while (exit == null) {
            offer(current);
        }
    }

    /** Follows the business hours of a menu being entered: the menu to offer, or null once the caller has left. */
    private Menu enter(Menu menu) {
        while (true) {
            where = menu.id();
            if (menu.hours().isEmpty()) {
                return menu;
            }
            boolean isOpen = menu.hours().get().isOpen(clock.get());
            if (open.isEmpty()) {
                open = Optional.of(isOpen);
            }
            if (isOpen) {
                return menu;
            }
            Action closed = menu.whenClosed().get();
            if (closed.type() != Type.MENU) {
                leave(closed, "closed");
                return null;
            }
            menu = tree.menu(closed.target()); // the file has no loops: this ends
        }
    }

    /** Offers one menu until the caller chooses something, or its retries are spent. */
    private void offer(Menu menu) throws AgiException {
        where = menu.id();
        int failures = 0;
        while (true) {
            char key = prompt(menu);
            if (key == NONE) {
                path.add(menu.id() + ":t");
            } else {
                keys++;
                if (key == tree.agentKey()) {
                    path.add(menu.id() + ":" + key);
                    agentRequested = true;
                    leave(Action.of(Type.AGENT), "agent");
                    return;
                }
                if (menu.mayDialDirectly(key)) {
                    String number = dial(key, menu);
                    path.add(menu.id() + ":" + number);
                    if (menu.dialable(number)) {
                        leave(new Action(Type.EXTENSION, number), "selected");
                        return;
                    }
                } else {
                    path.add(menu.id() + ":" + (KEYS.indexOf(key) >= 0 ? key : '?'));
                    Action action = menu.keys().get(key);
                    if (action != null) {
                        take(action, menu);
                        return;
                    }
                }
            }
            failures++;
            if (failures > menu.retries()) {
                Action failure = menu.onFailure();
                if (failure.type() == Type.MENU) {
                    way.push(menu);
                    current = enter(tree.menu(failure.target()));
                } else {
                    leave(failure, "retries-exhausted");
                }
                return;
            }
            if (key != NONE) {
                pendingKey = play(menu.invalidSound());
            }
        }
    }

    private void take(Action action, Menu menu) throws AgiException {
        switch (action.type()) {
            case MENU:
                way.push(menu);
                current = enter(tree.menu(action.target()));
                break;
            case BACK:
                current = way.isEmpty() ? menu : way.pop();
                break;
            case TOP:
                way.clear();
                current = enter(tree.startMenu());
                break;
            case REPEAT:
                break;
            case PLAY:
                pendingKey = play(action.target());
                break;
            default:
                leave(action, "selected");
        }
    }

    private void leave(Action action, String how) {
        exit = action.type() == Type.AGENT ? new Action(Type.AGENT, tree.agentQueue()) : action;
        status = how;
    }

    /** Plays the menu's prompts, stopping at a key, then waits for one. @return the key, or NONE */
    private char prompt(Menu menu) throws AgiException {
        if (pendingKey != NONE) {
            char key = pendingKey;
            pendingKey = NONE;
            return key;
        }
        for (String sound : menu.prompts()) {
            char key = play(sound);
            if (key != NONE) {
                return key;
            }
        }
        return waitForKey(menu.timeoutSeconds() * 1000);
    }

    /** Plays a sound that any key interrupts. @return the key, or NONE when it played to its end */
    private char play(String sound) throws AgiException {
        // sendCommand, not streamFile(): asterisk-java turns result=-1 (caller gone, sound missing) into "no key"
        int result = channel.sendCommand(new StreamFileCommand(sound, KEYS)).getResultCode();
        if (result < 0) {
            channel.getChannelStatus(); // throws AgiHangupException when the caller is gone
            throw new SoundMissing(sound);
        }
        return (char) result;
    }

    private char waitForKey(int millis) throws AgiException {
        int result = channel.sendCommand(new WaitForDigitCommand(millis)).getResultCode();
        if (result < 0) {
            channel.getChannelStatus(); // throws AgiHangupException when the caller is gone
            throw new AgiException("WAIT FOR DIGIT failed on a live channel");
        }
        return (char) result;
    }

    /** Reads the rest of a directly dialled extension: up to its longest length, '#' or a pause ends it. */
    private String dial(char first, Menu menu) throws AgiException {
        StringBuilder number = new StringBuilder().append(first);
        int longest = menu.longestExtension();
        while (number.length() < longest) {
            char key = waitForKey(tree.digitTimeoutSeconds() * 1000);
            if (key == NONE || key == '#') {
                break;
            }
            if (key < '0' || key > '9') {
                number.append('?'); // never a valid extension
                break;
            }
            keys++;
            number.append(key);
        }
        return number.toString();
    }

    IvrVisit visit(String id, String uniqueId, Optional<String> linkedId, boolean failed) {
        String how = exit != null ? status : failed ? "error" : "caller-hangup";
        return new IvrVisit(id, tree.name(), tree.version(), uniqueId, linkedId, tree.start(),
                where, String.join(" ", path), keys, Optional.ofNullable(exit),
                how, agentRequested, open, startedAt, clock.get());
    }

    Optional<Action> exit() {
        return Optional.ofNullable(exit);
    }

    String status() {
        return status;
    }

    String path() {
        return String.join(" ", path);
    }

    boolean agentRequested() {
        return agentRequested;
    }

    String exitMenu() {
        return where;
    }

    /** Asterisk answered that it cannot play a sound while the caller is still there. */
    static final class SoundMissing extends AgiException {

        private static final long serialVersionUID = 1L;
        private final String sound;

        SoundMissing(String sound) {
            super("sound '" + sound + "' cannot be played: is it installed on the Asterisk host?");
            this.sound = sound;
        }

        String sound() {
            return sound;
        }
    }
}

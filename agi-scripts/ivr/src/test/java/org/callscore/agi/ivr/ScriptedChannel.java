package org.callscore.agi.ivr;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.reply.AgiReply;

/**
 * An AgiChannel that answers as Asterisk does, from a script: one entry per STREAM FILE (a key that
 * interrupts it, or "" to let it play out) and one per WAIT FOR DIGIT (a key, or "" for silence);
 * {@link #HANGUP} hangs up during that command. Every command sent is kept, as Asterisk would see it.
 */
final class ScriptedChannel {

    static final String HANGUP = "hangup";

    final Deque<String> duringPrompts = new ArrayDeque<>();
    final Deque<String> afterPrompts = new ArrayDeque<>();
    final List<String> commands = new ArrayList<>();
    final Map<String, String> variables = new LinkedHashMap<>();
    private boolean hungUp;

    ScriptedChannel duringPrompts(String... keys) {
        duringPrompts.addAll(List.of(keys));
        return this;
    }

    ScriptedChannel afterPrompts(String... keys) {
        afterPrompts.addAll(List.of(keys));
        return this;
    }

    AgiChannel channel() {
        return (AgiChannel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AgiChannel.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "sendCommand":
                            return send((AgiCommand) args[0]);
                        case "getChannelStatus":
                            return check("CHANNEL STATUS", 6);
                        case "answer":
                            check("ANSWER", 0);
                            return null;
                        case "setVariable":
                            check("SET VARIABLE " + args[0], 1);
                            variables.put((String) args[0], (String) args[1]);
                            return null;
                        case "getVariable":
                            return variables.get((String) args[0]);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private int check(String command, int result) throws AgiHangupException {
        commands.add(command);
        if (hungUp) {
            throw new AgiHangupException();
        }
        return result;
    }

    private AgiReply send(AgiCommand command) throws AgiHangupException {
        String text = command.buildCommand();
        commands.add(text);
        if (hungUp) {
            throw new AgiHangupException();
        }
        String entry = text.startsWith("STREAM FILE") ? duringPrompts.poll() : afterPrompts.poll();
        int result;
        if (HANGUP.equals(entry)) {
            hungUp = true;
            result = -1;
        } else {
            result = entry == null || entry.isEmpty() ? 0 : entry.charAt(0);
        }
        return (AgiReply) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AgiReply.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getResultCode")) {
                        return result;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    long count(String prefix) {
        return commands.stream().filter(c -> c.startsWith(prefix)).count();
    }
}

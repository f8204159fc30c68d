package org.callscore.support.command;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.ShellUtil;

/**
 * A console command that shows what a module's service says; while that service is not running it says so and
 * where to look, the same way for every module.
 */
public abstract class ModuleCommand implements Action {

    private final String unavailable;

    /** @param unavailable what to say while the module's service is not running: what has not started, where to look */
    protected ModuleCommand(String unavailable) {
        this.unavailable = unavailable;
    }

    /**
     * @param given the user a test gives, having no shell session; null in the console
     * @return who runs the command, for the history and the log: {@code given}, else the Karaf shell's user, else
     *         {@code console}
     */
    protected static String consoleUser(String given) {
        String name = given != null ? given : ShellUtil.getCurrentUserName();
        return name == null || name.isBlank() ? "console" : name;
    }

    /** @return what to print, or empty while the module's service is not bound */
    protected abstract Optional<String> text() throws Exception;

    @Override
    public final Object execute() throws Exception {
        Optional<String> text = text();
        if (text.isPresent()) {
            System.out.print(text.get());
        } else {
            System.out.println(unavailable);
        }
        return null;
    }
}

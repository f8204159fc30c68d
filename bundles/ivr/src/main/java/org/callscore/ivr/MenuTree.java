package org.callscore.ivr;

import java.util.Map;

/**
 * One menu file, {@code etc/callscore/ivr/NAME.ivr}: its menus, checked so that every reference resolves,
 * every menu is reachable from {@link #start()} and no chain of menus leads back to itself.
 *
 * @param name     the file's name without {@code .ivr}; the AGI's {@code menu=} parameter
 * @param start    the id of the menu a caller enters first
 * @param agentKey the key that reaches an agent from every menu
 * @param agentQueue the queue the agent key leads to
 * @param digitTimeoutSeconds how long direct dialling waits for each further digit
 * @param menus    id to menu
 * @param depth    the most menus a caller can pass through going down from the start menu (1 = only it)
 * @param version  SHA-256 of the file's text, in hex, stored with each visit
 */
public record MenuTree(String name, String start, char agentKey, String agentQueue, int digitTimeoutSeconds,
        Map<String, Menu> menus,
        int depth, String version) {

    public MenuTree {
        menus = Map.copyOf(menus);
    }

    public Menu startMenu() {
        return menus.get(start);
    }

    /** @throws IllegalArgumentException for an id the file does not define (the parser prevents it) */
    public Menu menu(String id) {
        Menu menu = menus.get(id);
        if (menu == null) {
            throw new IllegalArgumentException("menu file " + name + " has no menu " + id);
        }
        return menu;
    }
}

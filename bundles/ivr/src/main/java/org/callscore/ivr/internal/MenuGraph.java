package org.callscore.ivr.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.callscore.ivr.Action.Type;
import org.callscore.ivr.Menu;

/** The graph check of a menu file: every menu reachable from the start menu, and no chain of menus a loop. */
final class MenuGraph {

    private MenuGraph() {
    }

    /** Menus one menu refers to, with the key that refers. */
    private static Map<String, String> references(Menu menu) {
        Map<String, String> refs = new LinkedHashMap<>();
        menu.keys().forEach((key, action) -> {
            if (action.type() == Type.MENU) {
                refs.putIfAbsent(action.target(), "menu." + menu.id() + ".key." + key);
            }
        });
        menu.whenClosed().filter(a -> a.type() == Type.MENU)
                .ifPresent(a -> refs.putIfAbsent(a.target(), "menu." + menu.id() + ".closed"));
        if (menu.onFailure().type() == Type.MENU) {
            refs.putIfAbsent(menu.onFailure().target(), "on.failure of menu " + menu.id());
        }
        return refs;
    }

    /**
     * Depth-first from the start menu: a reference to a menu on the current way down is a loop; menus never
     * reached are errors too (a typo in a reference leaves its intended menu orphaned).
     *
     * @return the depth of the tree (longest way down, in menus)
     */
    static int check(String file, String start, Map<String, Menu> menus) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        depthOf(file, start, menus, new ArrayList<>(), depth);
        for (String id : menus.keySet()) {
            if (!depth.containsKey(id)) {
                throw new IvrFileException(file, "menu." + id, "is not reachable from the start menu " + start
                        + " (no menu: reference leads to it)");
            }
        }
        return depth.get(start);
    }

    /**
     * Depth-first without recursion, so that a tree thousands of menus deep is checked like any other (a
     * recursive walk overflowed the stack).
     */
    private static int depthOf(String file, String start, Map<String, Menu> menus, List<String> way,
            Map<String, Integer> done) {
        record Step(String id, Iterator<Map.Entry<String, String>> refs, int[] deepest) {
        }
        Deque<Step> stack = new ArrayDeque<>();
        Set<String> onWay = new HashSet<>();
        stack.push(new Step(start, references(menus.get(start)).entrySet().iterator(), new int[1]));
        way.add(start);
        onWay.add(start);
        while (!stack.isEmpty()) {
            Step step = stack.peek();
            if (step.refs().hasNext()) {
                var ref = step.refs().next();
                String next = ref.getKey();
                if (onWay.contains(next)) {
                    List<String> loop = new ArrayList<>(way.subList(way.indexOf(next), way.size()));
                    loop.add(next);
                    throw new IvrFileException(file, ref.getValue(), "makes a loop: menu " + next + " leads back to "
                            + "itself (" + shown(loop) + "); use back or top to go up");
                }
                Integer known = done.get(next);
                if (known != null) {
                    step.deepest()[0] = Math.max(step.deepest()[0], known);
                } else {
                    stack.push(new Step(next, references(menus.get(next)).entrySet().iterator(), new int[1]));
                    way.add(next);
                    onWay.add(next);
                }
            } else {
                stack.pop();
                way.remove(way.size() - 1);
                onWay.remove(step.id());
                int depth = step.deepest()[0] + 1;
                done.put(step.id(), depth);
                if (!stack.isEmpty()) {
                    stack.peek().deepest()[0] = Math.max(stack.peek().deepest()[0], depth);
                }
            }
        }
        return done.get(start);
    }

    /** A way through menus for a message: a long one keeps its ends, so that one log line still names it. */
    private static String shown(List<String> way) {
        if (way.size() <= 12) {
            return String.join(" -> ", way);
        }
        return String.join(" -> ", way.subList(0, 6)) + " -> ... (" + (way.size() - 11) + " more) -> "
                + String.join(" -> ", way.subList(way.size() - 5, way.size()));
    }
}

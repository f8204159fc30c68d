package org.callscore.ivr;

import static org.callscore.support.definition.SettingsReader.quote;

import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callscore.support.text.LogText;
import org.callscore.support.definition.SettingsReader;
import org.callscore.support.definition.SoundNames;
import org.callscore.ivr.Action.Type;
import org.callscore.support.text.TextVersion;

/**
 * Reads a menu file ({@code etc/callscore/ivr/NAME.ivr}, Java properties syntax): one tree of menus, checked
 * as a whole. Every mistake is an {@link IvrFileException} naming the file and the key; unknown keys are
 * mistakes too. The checks:
 * <ul>
 * <li>every {@code menu:ID} names a menu of the file, every calendar an {@code .ics} file of the folder;</li>
 * <li>every menu is reachable from the start menu;</li>
 * <li><b>no loop</b>: following {@code menu:} references (from keys, {@code closed} and {@code on.failure})
 * never leads back to a menu already on the way. Such a chain either runs without waiting for a key
 * (closed hours or failures sending callers round for ever) or makes the way back grow without bound
 * (A's key to B, B's key to A). Going up is what {@code back} and {@code top} are for; they, {@code repeat}
 * and {@code play} are not references and never make a loop.</li>
 * </ul>
 * Depth is not limited.
 */
public final class IvrFile {

    public static final String EXTENSION = ".ivr";
    public static final String CALENDAR_EXTENSION = ".ics";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern EXTEN = Pattern.compile("[A-Za-z0-9_+*#.-]{1,40}");
    private static final Pattern GOTO = Pattern.compile("([A-Za-z0-9_-]{1,64}),([A-Za-z0-9_+*#.-]{1,40}),([0-9]{1,5}|[A-Za-z][A-Za-z0-9_-]{0,39})");
    private static final Pattern KEY = Pattern.compile("[0-9*#]");
    /** What may stand between [ and ] in a direct-dial pattern: a range or a list of digits. */
    private static final Pattern DIAL_SET = Pattern.compile("[0-9]-[0-9]|[0-9]{1,10}");
    /** Asterisk's longest extension. */
    private static final int MAX_DIAL_DIGITS = 40;
    private static final Pattern MENU_KEY = Pattern.compile("menu\\.([^.]+)\\.(.+)");
    private static final Pattern KEY_FIELD = Pattern.compile("key\\.(.*)");
    private static final Set<String> TREE_FIELDS = Set.of("start", "agent", "agent.key", "timeout.seconds", "retries",
            "invalid", "on.failure", "digit.timeout.seconds");
    private static final Set<String> MENU_FIELDS = Set.of("prompt", "timeout.seconds", "retries", "invalid",
            "on.failure", "hours", "holidays", "closed", "direct.dial");

    private IvrFile() {
    }

    /**
     * @param name      the tree's name (the file name without {@value #EXTENSION})
     * @param text      the file's content
     * @param calendars the calendars of the folder, by name
     * @param zone      the site's time zone
     * @throws IvrFileException naming the file and the offending key
     */
    public static MenuTree parse(String name, String text, Map<String, BusinessHours.Calendar> calendars,
            ZoneId zone) {
        String file = name + EXTENSION;
        if (!NAME.matcher(name).matches()) {
            throw new IvrFileException(file, "name", "must be lower-case letters, digits, '-' and '_'");
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IvrFileException(file, "(file)", "is not in properties syntax: " + e.getMessage());
        }
        Reader r = new Reader(file, properties);
        Map<String, Map<String, String>> menuFields = new TreeMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            Matcher menu = MENU_KEY.matcher(key);
            if (menu.matches()) {
                if (!NAME.matcher(menu.group(1)).matches()) {
                    throw r.problem(LogText.of(key), quote(menu.group(1)) + " is not a menu id (lower-case "
                            + "letters, digits, '-' and '_')");
                }
                Matcher k = KEY_FIELD.matcher(menu.group(2));
                if (!MENU_FIELDS.contains(menu.group(2)) && !(k.matches() && KEY.matcher(k.group(1)).matches())) {
                    throw k.matches() ? r.problem(LogText.of(key), quote(k.group(1)) + " is not a key (0-9, * or #)")
                            : r.unknownKey(key, "a menu setting");
                }
                menuFields.computeIfAbsent(menu.group(1), m -> new LinkedHashMap<>()).put(menu.group(2), key);
            } else if (!TREE_FIELDS.contains(key)) {
                throw r.unknownKey(key, "a menu file setting");
            }
        }
        if (menuFields.isEmpty()) {
            throw new IvrFileException(file, "menu.main.prompt", "is required: a menu file needs a menu");
        }
        String start = r.value("start") == null ? "main" : r.value("start");
        if (!menuFields.containsKey(start)) {
            throw new IvrFileException(file, "start", quote(start) + " is not a menu of this file (menus: "
                    + menuFields.keySet() + ")");
        }
        String agentKeyText = r.value("agent.key") == null ? "0" : r.value("agent.key");
        if (!KEY.matcher(agentKeyText).matches()) {
            throw new IvrFileException(file, "agent.key", quote(agentKeyText) + " is not a key (0-9, * or #)");
        }
        char agentKey = agentKeyText.charAt(0);
        String agentQueue = r.value("agent");
        if (agentQueue == null) {
            throw new IvrFileException(file, "agent", "is required: the queue where the agent key leads");
        }
        if (!QUEUE.matcher(agentQueue).matches()) {
            throw new IvrFileException(file, "agent", quote(agentQueue) + " is not a queue name");
        }
        int timeout = r.integer("timeout.seconds", 5, 1, 60);
        int retries = r.integer("retries", 2, 0, 9);
        String invalid = r.sound("invalid", "pm-invalid-option");
        Action onFailure = r.finalAction("on.failure", Action.of(Type.AGENT));
        int digitTimeout = r.integer("digit.timeout.seconds", 3, 1, 10);

        Map<String, Menu> menus = new LinkedHashMap<>();
        for (var entry : menuFields.entrySet()) {
            String id = entry.getKey();
            String p = "menu." + id + ".";
            if (r.value(p + "prompt") == null) {
                throw new IvrFileException(file, p + "prompt", "is required (Asterisk sound names, comma-separated)");
            }
            List<String> prompts = new ArrayList<>();
            for (String sound : r.value(p + "prompt").split("\\s*,\\s*", -1)) { // -1: "a," is a mistake too
                prompts.add(r.checkSound(p + "prompt", sound));
            }
            Map<Character, Action> keys = new TreeMap<>();
            for (String field : entry.getValue().keySet()) {
                Matcher k = KEY_FIELD.matcher(field);
                if (k.matches()) {
                    char key = k.group(1).charAt(0);
                    if (key == agentKey) {
                        throw new IvrFileException(file, p + field, "is the agent key (agent.key = " + agentKey
                                + "): it reaches an agent from every menu and cannot have another action");
                    }
                    keys.put(key, r.action(p + field, menuFields.keySet(), true));
                }
            }
            Optional<Action> closed = r.value(p + "closed") == null ? Optional.empty()
                    : Optional.of(r.finalAction(p + "closed", null));
            Optional<BusinessHours> hours = hours(r, p, calendars, zone);
            if (hours.isPresent() != closed.isPresent()) {
                throw new IvrFileException(file, p + (closed.isPresent() ? "hours" : "closed"), closed.isPresent()
                        ? "is required with closed (the calendars that say when the menu is open)"
                        : "is required with hours (where callers go while closed)");
            }
            List<Pattern> dial = new ArrayList<>();
            String dialText = r.value(p + "direct.dial") == null ? "" : r.value(p + "direct.dial");
            if (!dialText.isEmpty()) {
                for (String pattern : dialText.split("\\s*,\\s*", -1)) {
                    Pattern compiled = dialPattern(r, p + "direct.dial", pattern);
                    for (char key : keys.keySet()) {
                        if (startsWith(pattern, key)) {
                            throw new IvrFileException(file, p + "direct.dial", quote(pattern) + " can start with "
                                    + "key " + key + ", which has an action in this menu");
                        }
                    }
                    if (startsWith(pattern, agentKey)) {
                        throw new IvrFileException(file, p + "direct.dial", quote(pattern) + " can start with the "
                                + "agent key " + agentKey);
                    }
                    dial.add(compiled);
                }
            }
            Action menuFailure = r.value(p + "on.failure") == null ? onFailure : r.finalAction(p + "on.failure", null);
            checkMenuReference(r, p + "closed", closed.orElse(null), menuFields.keySet());
            checkMenuReference(r, r.value(p + "on.failure") == null ? "on.failure" : p + "on.failure", menuFailure,
                    menuFields.keySet());
            menus.put(id, new Menu(id, prompts, keys, r.integer(p + "timeout.seconds", timeout, 1, 60),
                    r.integer(p + "retries", retries, 0, 9), r.sound(p + "invalid", invalid), menuFailure, hours,
                    closed, dial, dialText));
        }
        int depth = checkGraph(file, start, menus);
        return new MenuTree(name, start, agentKey, agentQueue, digitTimeout, menus, depth, TextVersion.of(text));
    }

    /** The longest digit string a compiled direct-dial pattern accepts. */
    static int longestMatch(Pattern compiled) {
        return compiled.pattern().replaceAll("\\[[^]]*\\]", "X").length();
    }

    /** Whether the first digit of a checked direct-dial pattern can be this key. */
    private static boolean startsWith(String pattern, char key) {
        String first = pattern.startsWith("[") ? pattern.substring(0, pattern.indexOf(']') + 1) : pattern.substring(0, 1);
        return Pattern.compile(regex(first)).matcher(String.valueOf(key)).matches();
    }

    /**
     * Asterisk's digits, X, Z, N and [..] as a regular expression over digits, checked digit by digit: a regular
     * expression made from an unchecked pattern could be invalid ({@code [9-1]}) or match what Asterisk would not.
     */
    private static Pattern dialPattern(Reader r, String key, String pattern) {
        String rule = " is not an extension pattern (digits, X = 0-9, Z = 1-9, N = 2-9, [1-5], [135]; at most "
                + MAX_DIAL_DIGITS + " digits)";
        int digits = 0;
        for (int i = 0; i < pattern.length(); i++, digits++) {
            char c = pattern.charAt(i);
            if (c == '[') {
                int close = pattern.indexOf(']', i);
                String set = close < 0 ? "" : pattern.substring(i + 1, close);
                if (!DIAL_SET.matcher(set).matches()) {
                    throw r.problem(key, quote(pattern) + rule);
                }
                if (set.length() == 3 && set.charAt(1) == '-' && set.charAt(0) > set.charAt(2)) {
                    throw r.problem(key, quote(pattern) + ": the range [" + set + "] runs backwards (write ["
                            + set.charAt(2) + "-" + set.charAt(0) + "])");
                }
                i = close;
            } else if ("0123456789XZN".indexOf(c) < 0) {
                throw r.problem(key, quote(pattern) + rule);
            }
        }
        if (digits == 0 || digits > MAX_DIAL_DIGITS) {
            throw r.problem(key, quote(pattern) + rule);
        }
        return Pattern.compile(regex(pattern));
    }

    private static String regex(String checkedPattern) {
        return checkedPattern.replace("X", "[0-9]").replace("Z", "[1-9]").replace("N", "[2-9]");
    }

    private static Optional<BusinessHours> hours(Reader r, String p, Map<String, BusinessHours.Calendar> calendars,
            ZoneId zone) {
        List<BusinessHours.Calendar> hours = r.calendars(p + "hours", calendars);
        List<BusinessHours.Calendar> holidays = r.calendars(p + "holidays", calendars);
        return hours.isEmpty() && holidays.isEmpty() ? Optional.empty()
                : Optional.of(BusinessHours.of(hours, holidays, zone));
    }

    private static void checkMenuReference(Reader r, String key, Action action, Set<String> menus) {
        if (action != null && action.type() == Type.MENU && !menus.contains(action.target())) {
            throw new IvrFileException(r.file, key, quote(action.toString()) + " names no menu of this file (menus: " + menus + ")");
        }
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
    private static int checkGraph(String file, String start, Map<String, Menu> menus) {
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

    private static final class Reader extends SettingsReader {

        private final String file;

        Reader(String file, Properties properties) {
            super(properties);
            this.file = file;
        }

        @Override
        protected IvrFileException problem(String key, String problem) {
            return new IvrFileException(file, key, problem);
        }

        List<BusinessHours.Calendar> calendars(String key, Map<String, BusinessHours.Calendar> calendars) {
            List<BusinessHours.Calendar> found = new ArrayList<>();
            String value = value(key);
            if (value != null) {
                for (String name : value.split("[,\\s]+")) {
                    BusinessHours.Calendar calendar = calendars.get(name);
                    if (calendar == null) {
                        throw new IvrFileException(file, key, quote(name) + " names no calendar (no usable file "
                                + LogText.of(name) + CALENDAR_EXTENSION + " beside the menu files; calendars: "
                                + new TreeSet<>(calendars.keySet()) + ")");
                    }
                    found.add(calendar);
                }
            }
            return found;
        }

        /** A destination that ends a menu for good: no back, top, repeat or play. */
        Action finalAction(String key, Action fallback) {
            if (value(key) == null) {
                return fallback;
            }
            Action action = action(key, null, false);
            return action;
        }

        /**
         * @param menus the file's menus, to check menu: references against (null: checked later)
         * @param inMenu whether back, top, repeat and play are allowed (they are for keys)
         */
        Action action(String key, Set<String> menus, boolean inMenu) {
            String value = value(key);
            if (value == null) {
                throw new IvrFileException(file, key, "needs an action");
            }
            int colon = value.indexOf(':');
            String word = colon < 0 ? value : value.substring(0, colon);
            String target = colon < 0 ? "" : value.substring(colon + 1).trim();
            Type type = Type.ofLabel(word.trim()).orElseThrow(() -> new IvrFileException(file, key, quote(value)
                    + " is not an action: use menu:ID, back, top, repeat, play:SOUND, queue:NAME, extension:NUMBER, "
                    + "goto:CONTEXT,EXTEN,PRIORITY, survey:NAME, hangup or agent"));
            if (!inMenu && (type == Type.BACK || type == Type.TOP || type == Type.REPEAT || type == Type.PLAY)) {
                throw new IvrFileException(file, key, quote(value) + " cannot be used here: it needs a destination "
                        + "(menu:, queue:, extension:, goto:, survey:, hangup or agent)");
            }
            Pattern expected;
            switch (type) {
                case MENU:
                    expected = NAME;
                    if (menus != null && NAME.matcher(target).matches() && !menus.contains(target)) {
                        throw new IvrFileException(file, key, quote(value) + " names no menu of this file (menus: "
                                + menus + ")");
                    }
                    break;
                case PLAY:
                    expected = SoundNames.PATTERN;
                    break;
                case QUEUE:
                    expected = QUEUE;
                    break;
                case EXTENSION:
                    expected = EXTEN;
                    break;
                case GOTO:
                    expected = GOTO;
                    break;
                case SURVEY:
                    expected = NAME;
                    break;
                default:
                    expected = null;
            }
            if (expected == null ? !target.isEmpty() : !expected.matcher(target).matches()) {
                throw new IvrFileException(file, key, quote(value) + ": " + (expected == null ? type.label()
                        + " takes no target" : quote(target) + " is not a valid " + type.label() + " target"));
            }
            return new Action(type, target);
        }
    }
}

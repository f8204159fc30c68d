package org.callscore.ivr.internal;

import static org.callscore.support.definition.SettingsReader.quote;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.callscore.ivr.Action.Type;
import org.callscore.ivr.Action;
import org.callscore.ivr.BusinessHours;
import org.callscore.ivr.DialPattern;
import org.callscore.ivr.Menu;
import org.callscore.ivr.MenuTree;
import org.callscore.support.definition.SettingsReader;
import org.callscore.support.definition.SoundNames;
import org.callscore.support.text.LogText;
import org.callscore.support.text.TextVersion;
import org.callscore.support.rules.DefinitionName;
import org.callscore.support.rules.QueueName;

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
    private static final Pattern EXTEN = Pattern.compile("[A-Za-z0-9_+*#.-]{1,40}");
    private static final Pattern GOTO = Pattern.compile("([A-Za-z0-9_-]{1,64}),([A-Za-z0-9_+*#.-]{1,40}),([0-9]{1,5}|[A-Za-z][A-Za-z0-9_-]{0,39})");
    private static final Pattern KEY = Pattern.compile("[0-9*#]");
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
        Reader r = new Reader(name, text);
        String file = r.file;
        Map<String, Map<String, String>> menuFields = menuFields(r);
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
        if (!QueueName.isValid(agentQueue)) {
            throw new IvrFileException(file, "agent", quote(agentQueue) + " is not a queue name");
        }
        int timeout = r.integer("timeout.seconds", 5, 1, 60);
        int retries = r.integer("retries", 2, 0, 9);
        String invalid = r.sound("invalid", "pm-invalid-option");
        Action onFailure = r.finalAction("on.failure", Action.of(Type.AGENT));
        int digitTimeout = r.integer("digit.timeout.seconds", 3, 1, 10);

        Defaults defaults = new Defaults(agentKey, timeout, retries, invalid, onFailure);
        Map<String, Menu> menus = new LinkedHashMap<>();
        for (var entry : menuFields.entrySet()) {
            menus.put(entry.getKey(), menu(r, entry.getKey(), entry.getValue(), menuFields.keySet(), defaults,
                    calendars, zone));
        }
        int depth = MenuGraph.check(file, start, menus);
        return new MenuTree(name, start, agentKey, agentQueue, digitTimeout, menus, depth, TextVersion.of(text));
    }

    /** @return per menu id, its settings (field to key); every key checked to be a setting of the file */
    private static Map<String, Map<String, String>> menuFields(Reader r) {
        Map<String, Map<String, String>> menuFields = new TreeMap<>();
        for (String key : new TreeSet<>(r.keys())) {
            Matcher menu = MENU_KEY.matcher(key);
            if (menu.matches()) {
                if (!DefinitionName.isValid(menu.group(1))) {
                    throw r.problem(LogText.of(key), quote(menu.group(1)) + " is not a menu id ("
                            + DefinitionName.RULE + ")");
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
        return menuFields;
    }

    /** The defaults a menu file's settings give every menu. */
    private record Defaults(char agentKey, int timeout, int retries, String invalid, Action onFailure) {
    }

    /** @return menu {@code id}, its settings {@code fields} read and checked against the file's menus */
    private static Menu menu(Reader r, String id, Map<String, String> fields, Set<String> menuIds, Defaults tree,
            Map<String, BusinessHours.Calendar> calendars, ZoneId zone) {
        String file = r.file;
        char agentKey = tree.agentKey();
        Action onFailure = tree.onFailure();
        String p = "menu." + id + ".";
        if (r.value(p + "prompt") == null) {
            throw new IvrFileException(file, p + "prompt", "is required (Asterisk sound names, comma-separated)");
        }
        List<String> prompts = new ArrayList<>();
        for (String sound : r.value(p + "prompt").split("\\s*,\\s*", -1)) { // -1: "a," is a mistake too
            prompts.add(r.checkSound(p + "prompt", sound));
        }
        Map<Character, Action> keys = new TreeMap<>();
        for (String field : fields.keySet()) {
            Matcher k = KEY_FIELD.matcher(field);
            if (k.matches()) {
                char key = k.group(1).charAt(0);
                if (key == agentKey) {
                    throw new IvrFileException(file, p + field, "is the agent key (agent.key = " + agentKey
                            + "): it reaches an agent from every menu and cannot have another action");
                }
                keys.put(key, r.action(p + field, menuIds, true));
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
        String dialText = r.value(p + "direct.dial") == null ? "" : r.value(p + "direct.dial");
        Set<Character> taken = new LinkedHashSet<>(keys.keySet());
        taken.add(agentKey); // after the menu's own keys: their message comes first, as it always did
        List<DialPattern> dial = DialPatterns.read(file, p + "direct.dial", dialText, taken, agentKey);
        Action menuFailure = r.value(p + "on.failure") == null ? onFailure : r.finalAction(p + "on.failure", null);
        checkMenuReference(r, p + "closed", closed.orElse(null), menuIds);
        checkMenuReference(r, r.value(p + "on.failure") == null ? "on.failure" : p + "on.failure", menuFailure,
                menuIds);
        return new Menu(id, prompts, keys, r.integer(p + "timeout.seconds", tree.timeout(), 1, 60),
                r.integer(p + "retries", tree.retries(), 0, 9), r.sound(p + "invalid", tree.invalid()), menuFailure,
                hours, closed, dial, dialText);
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

    private static final class Reader extends SettingsReader {

        private final String file;

        Reader(String name, String text) {
            super(name, text, (key, problem) -> new IvrFileException(name + EXTENSION, key, problem));
            this.file = name + EXTENSION;
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
            Predicate<String> valid;
            switch (type) {
                case MENU:
                    valid = DefinitionName::isValid;
                    if (menus != null && DefinitionName.isValid(target) && !menus.contains(target)) {
                        throw new IvrFileException(file, key, quote(value) + " names no menu of this file (menus: "
                                + menus + ")");
                    }
                    break;
                case PLAY:
                    valid = SoundNames::isValid;
                    break;
                case QUEUE:
                    valid = QueueName::isValid;
                    break;
                case EXTENSION:
                    valid = EXTEN.asMatchPredicate();
                    break;
                case GOTO:
                    valid = GOTO.asMatchPredicate();
                    break;
                case SURVEY:
                    valid = DefinitionName::isValid;
                    break;
                default:
                    valid = null;
            }
            if (valid == null ? !target.isEmpty() : !valid.test(target)) {
                throw new IvrFileException(file, key, quote(value) + ": " + (valid == null ? type.label()
                        + " takes no target" : quote(target) + " is not a valid " + type.label() + " target"));
            }
            return new Action(type, target);
        }
    }
}

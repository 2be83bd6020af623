package io.greenribbon.telephony.peer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dialplan of an {@code extensions.conf}: {@code [globals]}, and contexts of extensions with numbered
 * priorities, {@code same => n(label),...} lines and {@code _} patterns, as {@code pbx_config} reads them.
 * Only what the greenribbon configuration uses is supported; anything else is rejected when loading, so a
 * configuration that the peer accepts is one whose every line the peer can run.
 */
public final class Dialplan {

    /** One priority of an extension: the application and its data, before substitution. */
    public record Step(String context, String exten, int priority, String label, String app, String data,
                       int line) {
    }

    /** One extension (or pattern) of a context, with its priorities. */
    public static final class Extension {
        final String name;
        final TreeMap<Integer, Step> steps = new TreeMap<>();
        final Map<String, Integer> labels = new LinkedHashMap<>();

        Extension(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public List<Step> steps() {
            return List.copyOf(steps.values());
        }

        public boolean isPattern() {
            return name.startsWith("_");
        }
    }

    private final Map<String, String> globals = new LinkedHashMap<>();
    private final Map<String, Map<String, Extension>> contexts = new LinkedHashMap<>();

    private Dialplan() {
    }

    public static Dialplan of(ConfFile conf) {
        Dialplan plan = new Dialplan();
        for (ConfFile.Section section : conf.sections()) {
            switch (section.name()) {
                case "general" -> { }
                case "globals" -> section.entries().forEach(e -> plan.globals.put(e.key(), e.value()));
                default -> plan.readContext(conf.fileName(), section);
            }
        }
        return plan;
    }

    private void readContext(String file, ConfFile.Section section) {
        Map<String, Extension> extensions = contexts.computeIfAbsent(section.name(), k -> new LinkedHashMap<>());
        Extension last = null;
        int lastPriority = 0;
        for (ConfFile.Entry entry : section.entries()) {
            String where = file + ":" + entry.line();
            if (!entry.key().equals("exten") && !entry.key().equals("same")) {
                throw new IllegalArgumentException(where + ": unsupported dialplan line '" + entry.key() + "'");
            }
            String rest = entry.value();
            Extension extension;
            if (entry.key().equals("exten")) {
                int comma = rest.indexOf(',');
                if (comma < 0) {
                    throw new IllegalArgumentException(where + ": extension without priority");
                }
                String name = rest.substring(0, comma).strip();
                rest = rest.substring(comma + 1);
                extension = extensions.computeIfAbsent(name, Extension::new);
                lastPriority = extension.steps.isEmpty() ? 0 : extension.steps.lastKey();
            } else {
                if (last == null) {
                    throw new IllegalArgumentException(where + ": 'same' without an extension before it");
                }
                extension = last;
            }
            int comma = rest.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(where + ": priority without application");
            }
            String priorityText = rest.substring(0, comma).strip();
            String application = rest.substring(comma + 1).strip();
            String label = null;
            int paren = priorityText.indexOf('(');
            if (paren >= 0) {
                label = priorityText.substring(paren + 1, priorityText.indexOf(')'));
                priorityText = priorityText.substring(0, paren);
            }
            int priority = priorityText.equals("n") ? lastPriority + 1 : Integer.parseInt(priorityText);
            String app = application;
            String data = "";
            int open = application.indexOf('(');
            if (open >= 0) {
                if (!application.endsWith(")")) {
                    throw new IllegalArgumentException(where + ": unbalanced application data: " + application);
                }
                app = application.substring(0, open).strip();
                data = application.substring(open + 1, application.length() - 1);
            }
            if (extension.steps.put(priority, new Step(section.name(), extension.name, priority, label, app, data,
                    entry.line())) != null) {
                throw new IllegalArgumentException(where + ": priority " + priority + " given twice");
            }
            if (label != null) {
                extension.labels.put(label, priority);
            }
            last = extension;
            lastPriority = priority;
        }
    }

    public Map<String, String> globals() {
        return globals;
    }

    public boolean hasContext(String context) {
        return contexts.containsKey(context);
    }

    public Map<String, Map<String, Extension>> contexts() {
        return contexts;
    }

    /** The extension of {@code context} that {@code exten} dials: an exact name first, else the best pattern. */
    public Optional<Extension> find(String context, String exten) {
        Map<String, Extension> extensions = contexts.get(context);
        if (extensions == null) {
            return Optional.empty();
        }
        Extension exact = extensions.get(exten);
        if (exact != null) {
            return Optional.of(exact);
        }
        return extensions.values().stream()
                .filter(e -> e.isPattern() && matches(e.name, exten))
                .min(Comparator.comparingInt(e -> breadth(e.name)));
    }

    public Optional<Step> step(String context, String exten, int priority) {
        return find(context, exten).map(e -> e.steps.get(priority));
    }

    /** The priority of a label in an extension, or of a number given as text. */
    public Optional<Integer> priorityOf(String context, String exten, String labelOrNumber) {
        if (labelOrNumber.chars().allMatch(Character::isDigit)) {
            return Optional.of(Integer.parseInt(labelOrNumber));
        }
        return find(context, exten).map(e -> e.labels.get(labelOrNumber));
    }

    /** Asterisk's extension patterns: X [0-9], Z [1-9], N [2-9], [..] sets, . one or more, ! zero or more. */
    public static boolean matches(String pattern, String exten) {
        if (!pattern.startsWith("_")) {
            return pattern.equals(exten);
        }
        return match(pattern, 1, exten, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        if (pi == p.length()) {
            return si == s.length();
        }
        char c = Character.toUpperCase(p.charAt(pi));
        if (c == '.') {
            return si < s.length();
        }
        if (c == '!') {
            return true;
        }
        if (si >= s.length()) {
            return false;
        }
        char x = s.charAt(si);
        if (c == '[') {
            int close = p.indexOf(']', pi);
            return inSet(p.substring(pi + 1, close), x) && match(p, close + 1, s, si + 1);
        }
        boolean ok = switch (c) {
            case 'X' -> x >= '0' && x <= '9';
            case 'Z' -> x >= '1' && x <= '9';
            case 'N' -> x >= '2' && x <= '9';
            default -> p.charAt(pi) == x;
        };
        return ok && match(p, pi + 1, s, si + 1);
    }

    private static boolean inSet(String set, char x) {
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                if (x >= set.charAt(i) && x <= set.charAt(i + 2)) {
                    return true;
                }
                i += 2;
            } else if (set.charAt(i) == x) {
                return true;
            }
        }
        return false;
    }

    /** How many strings a pattern admits near its start, roughly: the narrower pattern wins a tie. */
    private static int breadth(String pattern) {
        int score = 0;
        for (int i = 1; i < pattern.length(); i++) {
            char c = Character.toUpperCase(pattern.charAt(i));
            score += switch (c) {
                case 'X' -> 10;
                case 'Z' -> 9;
                case 'N' -> 8;
                case '.', '!' -> 1000;
                case '[' -> {
                    int close = pattern.indexOf(']', i);
                    int width = close - i;
                    i = close;
                    yield Math.min(width * 5, 100);
                }
                default -> 1;
            };
        }
        return score;
    }

    /** Every (context, extension, step) of the plan, for checks over the whole configuration. */
    public List<Step> allSteps() {
        List<Step> out = new ArrayList<>();
        contexts.values().forEach(exts -> exts.values().forEach(e -> out.addAll(e.steps.values())));
        return out;
    }
}

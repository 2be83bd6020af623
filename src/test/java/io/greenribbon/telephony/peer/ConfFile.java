package io.greenribbon.telephony.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An Asterisk configuration file ({@code .conf}) as Asterisk's config parser reads it: {@code [section]}
 * headers with templates ({@code [name](!)}, {@code [name](template,...)}, {@code [name](!,template)}),
 * {@code key = value} and {@code key => value} lines, {@code ;} comments ({@code \;} is a literal
 * semicolon), and several sections of the same name (pjsip.conf's endpoint, aor and auth "carrier").
 */
public final class ConfFile {

    /** One line {@code key = value} (or {@code key => value}), with its line number for messages. */
    public record Entry(String key, String value, int line) {
    }

    /** One {@code [section]} as written, before templates are applied. */
    public record Section(String name, boolean template, List<String> templates, List<Entry> entries,
                          int line) {
        public Optional<String> get(String key) {
            String found = null;
            for (Entry e : entries) {
                if (e.key().equalsIgnoreCase(key)) {
                    found = e.value();
                }
            }
            return Optional.ofNullable(found);
        }

        public List<String> all(String key) {
            return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).toList();
        }
    }

    private final String fileName;
    private final List<Section> sections;

    private ConfFile(String fileName, List<Section> sections) {
        this.fileName = fileName;
        this.sections = sections;
    }

    public static ConfFile read(Path file) {
        return read(file, UnaryOperator.identity());
    }

    /** Reads a file, passing its text through {@code siteValues} first (the site's placeholder values). */
    public static ConfFile read(Path file, UnaryOperator<String> siteValues) {
        try {
            return parse(file.getFileName().toString(),
                    siteValues.apply(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static ConfFile parse(String fileName, String text) {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            int number = i + 1;
            if (line.startsWith("[")) {
                current = header(fileName, line, number);
                sections.add(current);
                continue;
            }
            if (line.startsWith("#")) {
                throw new IllegalArgumentException(fileName + ":" + number + ": directives are not used here: " + line);
            }
            if (current == null) {
                throw new IllegalArgumentException(fileName + ":" + number + ": value outside a section: " + line);
            }
            int arrow = line.indexOf("=>");
            int equals = line.indexOf('=');
            int at = arrow >= 0 && arrow <= equals ? arrow : equals;
            if (at <= 0) {
                throw new IllegalArgumentException(fileName + ":" + number + ": not 'key = value': " + line);
            }
            String key = line.substring(0, at).strip();
            String value = line.substring(at + (at == arrow ? 2 : 1)).strip();
            current.entries().add(new Entry(key, value, number));
        }
        return new ConfFile(fileName, sections);
    }

    private static Section header(String fileName, String line, int number) {
        int close = line.indexOf(']');
        if (close < 0) {
            throw new IllegalArgumentException(fileName + ":" + number + ": unterminated section header: " + line);
        }
        String name = line.substring(1, close).strip();
        String rest = line.substring(close + 1).strip();
        boolean template = false;
        List<String> templates = new ArrayList<>();
        if (!rest.isEmpty()) {
            if (!rest.startsWith("(") || !rest.endsWith(")")) {
                throw new IllegalArgumentException(fileName + ":" + number + ": bad section options: " + line);
            }
            for (String option : rest.substring(1, rest.length() - 1).split(",")) {
                String o = option.strip();
                if (o.equals("!")) {
                    template = true;
                } else if (!o.isEmpty()) {
                    templates.add(o);
                }
            }
        }
        return new Section(name, template, templates, new ArrayList<>(), number);
    }

    /** Removes a {@code ;} comment; {@code \;} stays as a literal semicolon. */
    static String stripComment(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                out.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public String fileName() {
        return fileName;
    }

    /** Every section as written, templates included, in file order. */
    public List<Section> sections() {
        return sections;
    }

    /** The sections that are not templates, in file order. */
    public List<Section> concreteSections() {
        return sections.stream().filter(s -> !s.template()).toList();
    }

    /** The first section of this name that is not a template. */
    public Optional<Section> section(String name) {
        return concreteSections().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The entries of a section with its templates applied first (templates may have templates). */
    public List<Entry> resolved(Section section) {
        List<Entry> out = new ArrayList<>();
        for (String template : section.templates()) {
            Section base = sections.stream().filter(s -> s.name().equals(template)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(fileName + ":" + section.line()
                            + ": section [" + section.name() + "] uses unknown template " + template));
            out.addAll(resolved(base));
        }
        out.addAll(section.entries());
        return out;
    }

    /** A section's resolved settings, the last value of each key winning. */
    public Map<String, String> settings(Section section) {
        Map<String, String> out = new LinkedHashMap<>();
        resolved(section).forEach(e -> out.put(e.key().toLowerCase(), e.value()));
        return out;
    }
}

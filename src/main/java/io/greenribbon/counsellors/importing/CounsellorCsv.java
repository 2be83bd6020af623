package io.greenribbon.counsellors.importing;

import io.greenribbon.counsellors.CounsellorKind;
import io.greenribbon.counsellors.CounsellorStatus;
import io.greenribbon.counsellors.ResidentIdNumbers;
import io.greenribbon.counsellors.Specialty;
import io.greenribbon.problem.FieldError;
import io.greenribbon.problem.Messages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The import file format: a header line naming the columns (any order), then one line per counsellor and
 * credential. A counsellor with several credentials takes several lines with the same ID number. Lists
 * (languages, specialties) are separated by ';'. Kinds and statuses are given by name or in Chinese.
 * Reading checks every field of every line and collects every fault, each named {@code lines[N].column}.
 */
final class CounsellorCsv {

    static final List<String> COLUMNS = List.of("id_number", "full_name", "home_division", "kind", "status",
            "languages", "specialties", "max_caseload", "username", "certificate_number", "certificate_level",
            "certificate_issuer", "certificate_valid_from", "certificate_valid_until");
    private static final List<String> REQUIRED = List.of("full_name", "home_division", "kind");
    private static final Map<String, CounsellorKind> KINDS = Map.of(
            "心理咨询师", CounsellorKind.COUNSELLOR, "心理咨询员", CounsellorKind.COUNSELLOR,
            "心理治疗师", CounsellorKind.PSYCHOTHERAPIST,
            "健康教育员", CounsellorKind.HEALTH_EDUCATOR, "健康教育人员", CounsellorKind.HEALTH_EDUCATOR);
    private static final Map<String, CounsellorStatus> STATUSES = Map.of(
            "在岗", CounsellorStatus.ACTIVE, "在职", CounsellorStatus.ACTIVE, "暂停", CounsellorStatus.SUSPENDED,
            "离职", CounsellorStatus.LEFT, "退出", CounsellorStatus.LEFT);
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");

    record Parsed(List<ImportRow> rows, List<FieldError> errors) {
    }

    private final Locale locale;
    private final List<FieldError> errors = new ArrayList<>();

    private CounsellorCsv(Locale locale) {
        this.locale = locale;
    }

    static Parsed read(List<CsvTable.Record> records, Locale locale) {
        return new CounsellorCsv(locale).read(records);
    }

    private Parsed read(List<CsvTable.Record> records) {
        if (records.isEmpty()) {
            errors.add(new FieldError("lines[1]", text("counsellor.import.empty")));
            return new Parsed(List.of(), errors);
        }
        CsvTable.Record header = records.get(0);
        Map<String, Integer> columns = header(header);
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors);
        }
        if (records.size() == 1) {
            errors.add(new FieldError("lines[" + header.line() + "]", text("counsellor.import.empty")));
        }
        List<ImportRow> rows = new ArrayList<>();
        for (CsvTable.Record record : records.subList(1, records.size())) {
            ImportRow row = row(record, columns, header.cells().size());
            if (row != null) {
                rows.add(row);
            }
        }
        return new Parsed(rows, errors);
    }

    private Map<String, Integer> header(CsvTable.Record header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                fault(header.line(), name.isEmpty() ? "column" + (i + 1) : name, "counsellor.import.unknown-column",
                        String.join(", ", COLUMNS));
            } else if (columns.putIfAbsent(name, i) != null) {
                fault(header.line(), name, "counsellor.import.repeated-column");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                fault(header.line(), required, "counsellor.import.missing-column");
            }
        }
        if (!columns.containsKey("id_number") && !columns.containsKey("certificate_number")) {
            fault(header.line(), "id_number", "counsellor.import.missing-column");
        }
        return columns;
    }

    /** The line as a row, or null when any of its fields is at fault (each fault recorded). */
    private ImportRow row(CsvTable.Record record, Map<String, Integer> columns, int width) {
        int line = record.line();
        if (record.cells().size() != width) {
            fault(line, null, "counsellor.import.cells", record.cells().size(), width);
            return null;
        }
        int before = errors.size();
        Cells cells = new Cells(record, columns);
        String idNumber = ResidentIdNumbers.normalise(cells.get("id_number"));
        if (idNumber != null && !ResidentIdNumbers.isValid(idNumber)) {
            fault(line, "id_number", "counsellor.invalid.id-number");
        }
        String fullName = text(line, "full_name", cells.get("full_name"), 100, true);
        String home = cells.get("home_division");
        if (home == null) {
            fault(line, "home_division", "counsellor.import.required");
        } else if (!home.matches("^[0-9]{4}([0-9]{2})?$")) {
            fault(line, "home_division", "counsellor.import.division-format");
        }
        CounsellorKind kind = named(line, "kind", cells.get("kind"), CounsellorKind.class, KINDS, true);
        CounsellorStatus status = named(line, "status", cells.get("status"), CounsellorStatus.class, STATUSES,
                false);
        String[] languages = columns.containsKey("languages") ? languages(line, cells.get("languages")) : null;
        String[] specialties = columns.containsKey("specialties") ? specialties(line, cells.get("specialties"))
                : null;
        Integer caseload = caseload(line, cells.get("max_caseload"));
        String username = text(line, "username", cells.get("username"), 255, false);
        if (username != null && username.length() < 3) {
            fault(line, "username", "counsellor.import.too-short", 3);
        }
        ImportRow.Certificate certificate = certificate(line, cells);
        if (idNumber == null && certificate == null) {
            fault(line, columns.containsKey("id_number") ? "id_number" : "certificate_number",
                    "counsellor.import.key-needed");
        }
        if (errors.size() > before) {
            return null;
        }
        return new ImportRow(line, idNumber, fullName, home, kind, status, languages, specialties, caseload,
                username, columns.containsKey("username"), certificate);
    }

    private ImportRow.Certificate certificate(int line, Cells cells) {
        String number = cells.get("certificate_number");
        String level = cells.get("certificate_level");
        String issuer = cells.get("certificate_issuer");
        String from = cells.get("certificate_valid_from");
        String until = cells.get("certificate_valid_until");
        if (number == null) {
            for (String column : List.of("certificate_level", "certificate_issuer", "certificate_valid_from",
                    "certificate_valid_until")) {
                if (cells.get(column) != null) {
                    fault(line, "certificate_number", "counsellor.import.required");
                    break;
                }
            }
            return null;
        }
        number = text(line, "certificate_number", number, 40, true);
        level = text(line, "certificate_level", level, 60, true);
        issuer = text(line, "certificate_issuer", issuer, 100, true);
        LocalDate validFrom = date(line, "certificate_valid_from", from, true);
        LocalDate validUntil = date(line, "certificate_valid_until", until, false);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            fault(line, "certificate_valid_until", "counsellor.invalid.valid-until-before-from");
        }
        return number == null ? null : new ImportRow.Certificate(number.toUpperCase(Locale.ROOT), level, issuer,
                validFrom, validUntil);
    }

    private String text(int line, String column, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                fault(line, column, "counsellor.import.required");
            }
            return null;
        }
        if (value.length() > max) {
            fault(line, column, "counsellor.import.too-long", max);
        }
        return value;
    }

    private <E extends Enum<E>> E named(int line, String column, String value, Class<E> type, Map<String, E> chinese,
                                        boolean required) {
        if (value == null) {
            if (required) {
                fault(line, column, "counsellor.import.required");
            }
            return null;
        }
        E byChinese = chinese.get(value);
        if (byChinese != null) {
            return byChinese;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fault(line, column, "problem.validation.one-of", Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ", " + String.join(", ", chinese.keySet()));
            return null;
        }
    }

    private String[] languages(int line, String value) {
        Set<String> labels = new LinkedHashSet<>(split(value));
        if (labels.size() > 12) {
            fault(line, "languages", "counsellor.import.too-many", 12);
        }
        if (labels.stream().anyMatch(l -> l.length() > 40)) {
            fault(line, "languages", "counsellor.import.too-long", 40);
        }
        return labels.toArray(String[]::new);
    }

    private String[] specialties(int line, String value) {
        Set<String> names = new LinkedHashSet<>();
        for (String label : split(value)) {
            try {
                names.add(Specialty.valueOf(label.toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                fault(line, "specialties", "problem.validation.one-of", Arrays.stream(Specialty.values())
                        .map(Enum::name).collect(Collectors.joining(", ")));
                return null;
            }
        }
        return names.toArray(String[]::new);
    }

    private Integer caseload(int line, String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fault(line, "max_caseload", "counsellor.import.integer-range", 0, 500);
        return null;
    }

    private LocalDate date(int line, String column, String value, boolean required) {
        if (value == null) {
            if (required) {
                fault(line, column, "counsellor.import.required");
            }
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, SLASHED) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fault(line, column, "counsellor.import.date");
            return null;
        }
    }

    private static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[;；|、]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private void fault(int line, String column, String key, Object... args) {
        errors.add(new FieldError(field(line, column), text(key, args)));
    }

    static String field(int line, String column) {
        return "lines[" + line + "]" + (column == null ? "" : "." + column);
    }

    private String text(String key, Object... args) {
        return Messages.text(locale, key, args);
    }

    /** A record's cells by column name; blank cells read as null. */
    private record Cells(CsvTable.Record record, Map<String, Integer> columns) {
        String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                return null;
            }
            String value = record.cells().get(i).trim();
            return value.isEmpty() ? null : value;
        }
    }
}

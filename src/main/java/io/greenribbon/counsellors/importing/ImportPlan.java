package io.greenribbon.counsellors.importing;

import io.greenribbon.access.Actor;
import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.Credential;
import io.greenribbon.problem.FieldError;
import io.greenribbon.problem.Messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The lines of a file grouped into people, checked against each other and against what is stored: which
 * stored counsellor each person is (by ID number, else by certificate number), and every line that cannot
 * be imported with the field at fault.
 */
final class ImportPlan {

    /** One person of the file and its lines; {@code match} is the stored counsellor, null for a new one. */
    static final class Person {
        final List<ImportRow> rows = new ArrayList<>();
        Counsellor match;

        ImportRow first() {
            return rows.get(0);
        }
    }

    final Map<String, Person> people = new LinkedHashMap<>();
    final List<FieldError> errors = new ArrayList<>();
    private final Locale locale;

    ImportPlan(List<ImportRow> rows, Locale locale) {
        this.locale = locale;
        Map<String, Integer> certificateLines = new HashMap<>();
        Map<String, String> usernameOwners = new HashMap<>();
        for (ImportRow row : rows) {
            Person person = people.computeIfAbsent(row.personKey(), k -> new Person());
            if (!person.rows.isEmpty()) {
                sameAsFirst(person.first(), row);
            }
            person.rows.add(row);
            if (row.certificate() != null) {
                Integer earlier = certificateLines.putIfAbsent(row.certificate().number(), row.line());
                if (earlier != null) {
                    fault(row.line(), "certificate_number", "counsellor.import.certificate-repeated", earlier);
                }
            }
            if (row.username() != null) {
                String owner = usernameOwners.putIfAbsent(row.username(), row.personKey());
                if (owner != null && !owner.equals(row.personKey())) {
                    fault(row.line(), "username", "counsellor.import.username-repeated");
                }
            }
        }
    }

    Set<String> divisions() {
        return collect(p -> p.first().homeDivision());
    }

    Set<String> idNumbers() {
        return collect(p -> p.first().idNumber());
    }

    Set<String> usernames() {
        return collect(p -> p.first().username());
    }

    Set<String> certificateNumbers() {
        Set<String> numbers = new java.util.HashSet<>();
        people.values().forEach(p -> p.rows.forEach(r -> {
            if (r.certificate() != null) {
                numbers.add(r.certificate().number());
            }
        }));
        return numbers;
    }

    /** Homes that do not exist, or lie outside the importing account's jurisdiction. */
    void checkHomes(Set<String> known, Actor actor) {
        for (Person p : people.values()) {
            for (ImportRow r : p.rows) {
                if (!known.contains(r.homeDivision())) {
                    fault(r.line(), "home_division", "counsellor.invalid.division-unknown", r.homeDivision());
                } else if (!actor.governs(r.homeDivision())) {
                    fault(r.line(), "home_division", "problem.out-of-jurisdiction.detail", r.homeDivision());
                }
            }
        }
    }

    /** Finds each person's stored counsellor, and faults where the file and the store disagree on who is who. */
    void match(Collection<Counsellor> byIdNumber, Map<String, Credential> certificates,
               Map<Long, Counsellor> certificateOwners, Collection<Counsellor> byUsername, Actor actor) {
        Map<String, Counsellor> ids = new HashMap<>();
        byIdNumber.forEach(c -> ids.put(c.idNumber, c));
        Map<String, Counsellor> usernames = new HashMap<>();
        byUsername.forEach(c -> usernames.put(c.username, c));
        Map<Long, Integer> matchedAt = new HashMap<>();
        for (Person p : people.values()) {
            ImportRow first = p.first();
            Counsellor match = first.idNumber() == null ? null : ids.get(first.idNumber());
            for (ImportRow r : p.rows) {
                Credential held = r.certificate() == null ? null : certificates.get(r.certificate().number());
                if (held == null) {
                    continue;
                }
                Counsellor owner = certificateOwners.get(held.counsellorId);
                if (match == null && (first.idNumber() == null || owner.idNumber == null)) {
                    match = owner;
                } else if (match == null || !match.id.equals(owner.id)) {
                    fault(r.line(), "certificate_number", "counsellor.import.certificate-owned", owner.id);
                }
            }
            if (match != null) {
                Integer earlier = matchedAt.putIfAbsent(match.id, first.line());
                if (earlier != null) {
                    fault(first.line(), first.idNumber() != null ? "id_number" : "certificate_number",
                            "counsellor.import.same-person", earlier);
                }
            }
            if (match != null && !actor.governs(match.homeDivision)) {
                fault(first.line(), first.idNumber() != null ? "id_number" : "certificate_number",
                        "counsellor.import.existing-out-of-jurisdiction", match.homeDivision);
            }
            if (first.username() != null) {
                Counsellor holder = usernames.get(first.username());
                if (holder != null && (match == null || !holder.id.equals(match.id))) {
                    fault(first.line(), "username", "counsellor.import.username-taken", holder.id);
                }
            }
            p.match = match;
        }
    }

    private void sameAsFirst(ImportRow first, ImportRow row) {
        differs(first, row, "full_name", ImportRow::fullName);
        differs(first, row, "home_division", ImportRow::homeDivision);
        differs(first, row, "kind", ImportRow::kind);
        differs(first, row, "status", ImportRow::status);
        differs(first, row, "languages", r -> r.languages() == null ? null : Arrays.asList(r.languages()));
        differs(first, row, "specialties", r -> r.specialties() == null ? null : Arrays.asList(r.specialties()));
        differs(first, row, "max_caseload", ImportRow::maxCaseload);
        differs(first, row, "username", ImportRow::username);
    }

    private void differs(ImportRow first, ImportRow row, String column, Function<ImportRow, Object> value) {
        if (!Objects.equals(value.apply(first), value.apply(row))) {
            fault(row.line(), column, "counsellor.import.differs", first.line());
        }
    }

    private Set<String> collect(Function<Person, String> value) {
        Set<String> out = new java.util.HashSet<>();
        people.values().forEach(p -> {
            String v = value.apply(p);
            if (v != null) {
                out.add(v);
            }
        });
        return out;
    }

    private void fault(int line, String column, String key, Object... args) {
        errors.add(new FieldError(CounsellorCsv.field(line, column), Messages.text(locale, key, args)));
    }
}

package io.greenribbon.rooms;

import io.greenribbon.divisions.Division;
import io.greenribbon.divisions.DivisionRepository;
import io.greenribbon.problem.FieldError;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CSV import of rooms: all or nothing (every line checked before anything is written, every
 * error reported with its line and column), and idempotent (rooms are matched on division and name;
 * importing the same file again changes nothing).
 */
@ApplicationScoped
public class RoomImportService {

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    public record LineResult(int line, Long roomId, Outcome outcome) {
    }

    public record Result(int created, int updated, int unchanged, List<LineResult> lines) {
    }

    /** The most rooms one file may carry (a city has a few thousand). */
    static final int MAX_ROWS = 5000;

    private final RoomRepository rooms;
    private final RoomDetailsRepository details;
    private final DivisionRepository divisions;
    private final RoomService service;
    private final RoomAccess access;
    private final RoomValidation validation;
    private final RequestTexts texts;

    public RoomImportService(RoomRepository rooms, RoomDetailsRepository details, DivisionRepository divisions,
                             RoomService service, RoomAccess access, RoomValidation validation, RequestTexts texts) {
        this.rooms = rooms;
        this.details = details;
        this.divisions = divisions;
        this.service = service;
        this.access = access;
        this.validation = validation;
        this.texts = texts;
    }

    @WithTransaction
    public Uni<Result> importCsv(String text) {
        RoomCsv csv = new RoomCsv(texts::text);
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.parse(text == null ? "" : text);
        } catch (CsvRecords.Unterminated e) {
            throw reject(List.of(csv.error(e.line(), "*", "rooms.import.unterminated-quote")));
        }
        if (records.size() < 2) {
            throw reject(List.of(new FieldError("file", texts.text("rooms.import.empty"))));
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw reject(List.of(new FieldError("file", texts.text("rooms.import.too-many", MAX_ROWS))));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> columns = csv.header(records.get(0), errors);
        if (!errors.isEmpty()) {
            throw reject(errors);
        }
        int width = records.get(0).fields().size();
        List<RoomCsv.Row> rows = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (CsvRecords.Record record : records.subList(1, records.size())) {
            RoomCsv.Row row = csv.row(record, columns, width);
            errors.addAll(row.errors());
            if (row.room() != null) {
                RoomRequests.Create room = row.room();
                if (!access.actorGoverns(room.division())) {
                    errors.add(csv.error(row.line(), "division", "rooms.import.out-of-jurisdiction"));
                }
                errors.addAll(validation.hours("lines[" + row.line() + "].", room.weeklyHours(), null));
                Integer earlier = firstLineOf.putIfAbsent(key(room.division(), room.name()), row.line());
                if (earlier != null) {
                    errors.add(new FieldError("lines[" + row.line() + "].name",
                            texts.text("rooms.import.duplicate-room", earlier)));
                }
            }
            rows.add(row);
        }
        Set<String> codes = rows.stream().filter(r -> r.room() != null).map(r -> r.room().division())
                .collect(Collectors.toSet());
        return divisions.findAllByCode(List.copyOf(codes)).flatMap(found -> {
            Set<String> known = found.stream().map((Division d) -> d.code).collect(Collectors.toSet());
            rows.stream().filter(r -> r.room() != null && !known.contains(r.room().division()))
                    .forEach(r -> errors.add(csv.error(r.line(), "division", "rooms.import.division-unknown")));
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparing(FieldError::field));
                throw reject(errors);
            }
            return rooms.findByDivisions(codes);
        }).flatMap(existing -> apply(rows, existing));
    }

    private Uni<Result> apply(List<RoomCsv.Row> rows, List<Room> existing) {
        Map<String, Room> byKey = existing.stream().collect(Collectors.toMap(r -> key(r.divisionCode, r.name), r -> r));
        List<Long> ids = existing.stream().map(r -> r.id).toList();
        return details.weekly(ids).flatMap(weekly -> details.staff(ids).flatMap(staff -> {
            Map<Long, List<RoomWeeklyHours>> weeklyByRoom = weekly.stream().collect(Collectors.groupingBy(h -> h.roomId));
            Map<Long, List<RoomStaff>> staffByRoom = staff.stream().collect(Collectors.groupingBy(s -> s.roomId));
            List<LineResult> results = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RoomCsv.Row row : rows) {
                RoomRequests.Create c = row.room();
                Room room = byKey.get(key(c.division(), c.name()));
                if (room == null) {
                    chain = chain.call(() -> create(c).invoke(id -> results.add(new LineResult(row.line(), id, Outcome.CREATED))));
                } else if (unchanged(room, weeklyByRoom.getOrDefault(room.id, List.of()),
                        staffByRoom.getOrDefault(room.id, List.of()), c)) {
                    results.add(new LineResult(row.line(), room.id, Outcome.UNCHANGED));
                } else {
                    RoomService.apply(room, c.asPatch());
                    room.updatedAt = OffsetDateTime.now();
                    chain = chain.call(() -> service.replaceDetails(room.id, c.weeklyHours(), null, c.staff()))
                            .invoke(() -> results.add(new LineResult(row.line(), room.id, Outcome.UPDATED)));
                }
            }
            return chain.map(v -> {
                results.sort(Comparator.comparingInt(LineResult::line));
                return new Result(count(results, Outcome.CREATED), count(results, Outcome.UPDATED),
                        count(results, Outcome.UNCHANGED), results);
            });
        }));
    }

    private Uni<Long> create(RoomRequests.Create c) {
        Room room = new Room();
        room.divisionCode = c.division();
        RoomService.apply(room, c.asPatch());
        return rooms.persistAndFlush(room)
                .call(r -> service.replaceDetails(r.id, c.weeklyHours(), null, c.staff()))
                .map(r -> r.id);
    }

    static boolean unchanged(Room room, List<RoomWeeklyHours> weekly, List<RoomStaff> staff, RoomRequests.Create c) {
        return room.address.equals(c.address()) && room.capacity == c.capacity()
                && (c.stepFree() == null || room.stepFree == c.stepFree())
                && (c.accessibilityNote() == null || c.accessibilityNote().equals(room.accessibilityNote))
                && (c.facilities() == null || room.facilities().equals(c.facilities().isEmpty()
                        ? EnumSet.noneOf(Facility.class) : EnumSet.copyOf(c.facilities())))
                && (c.status() == null || room.status == c.status())
                && (c.weeklyHours() == null || new HashSet<>(c.weeklyHours()).equals(weekly.stream()
                        .map(h -> new RoomRequests.WeeklyHours(DayOfWeek.of(h.dayOfWeek), h.opens, h.closes))
                        .collect(Collectors.toSet())) && c.weeklyHours().size() == weekly.size())
                && (c.staff() == null || new HashSet<>(c.staff()).equals(
                        staff.stream().map(s -> s.username).collect(Collectors.toSet())));
    }

    private static int count(List<LineResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static String key(String division, String name) {
        return division + "\u0000" + name.trim();
    }

    private static ProblemException reject(List<FieldError> errors) {
        ProblemException problem = new ProblemException(ProblemType.VALIDATION, "rooms.import.rejected");
        errors.forEach(e -> problem.field(e.field(), e.message()));
        return problem;
    }
}

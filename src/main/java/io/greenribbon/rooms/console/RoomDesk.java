package io.greenribbon.rooms.console;

import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.rooms.RoomService;
import io.greenribbon.rooms.RoomView;
import io.greenribbon.web.FormErrors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The room's details screen: read and changed through {@link RoomService} as the API does (its keeper may
 * change everything but the village and who keeps it; an admin changes those), once per form key, and never
 * over a change someone else made since the form was shown.
 */
@ApplicationScoped
public class RoomDesk {

    /**
     * The room as it is, the form (as typed when it has errors), what is wrong, and what the last save came
     * to: {@code saved} now, {@code already} by this form before, or {@code changedMeanwhile} by someone else.
     */
    public record Details(RoomView room, RoomForm form, FormErrors errors, boolean saved, boolean already,
                          boolean changedMeanwhile) {

        public int status() {
            return changedMeanwhile ? 409 : errors.any() ? 422 : 200;
        }

        /** What is wrong with a day's opening window, or null. */
        public String hoursError(java.time.DayOfWeek day, int index) {
            return errors.of("hours-" + day + "-" + index);
        }

        /** What is wrong with a dated closure or opening, or null. */
        public String datedError(int index) {
            return errors.of("dated-" + index);
        }
    }

    private final RoomWeeks rooms;
    private final RoomService service;

    public RoomDesk(RoomWeeks rooms, RoomService service) {
        this.rooms = rooms;
        this.service = service;
    }

    public Uni<Details> show(long id) {
        return room(id).map(room -> new Details(room, RoomForm.of(room), new FormErrors(), false, false, false));
    }

    public Uni<Details> save(long id, RoomForm form) {
        RoomForm.Change change = form.change();
        if (change.errors().any()) {
            return room(id).map(room -> new Details(room, form, change.errors(), false, false, false));
        }
        return room(id).flatMap(before -> service.patch(id, change.patch(), form.key()))
                .flatMap(outcome -> room(id).map(room -> new Details(room, RoomForm.of(room), new FormErrors(),
                        !outcome.replayed(), outcome.replayed(), false)))
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    ProblemException p = (ProblemException) failure;
                    if (p.type() == ProblemType.CONFLICT && "rooms.changed-meanwhile".equals(p.detailKey())) {
                        return room(id).map(room -> new Details(room, RoomForm.of(room), new FormErrors(), false, false, true));
                    }
                    if (p.type() == ProblemType.VALIDATION) {
                        FormErrors errors = new FormErrors();
                        p.errors().forEach(e -> errors.add(formField(e.field(), change), e.message()));
                        return room(id).map(room -> new Details(room, form, errors, false, false, false));
                    }
                    return Uni.createFrom().failure(p);
                });
    }

    /** The form field of a field the room service names ({@code weeklyHours[2].closes} → the window it came from). */
    private static String formField(String field, RoomForm.Change change) {
        int end = field.indexOf(']');
        String entry = end < 0 ? field : field.substring(0, end + 1);
        return change.fieldOf().getOrDefault(entry, switch (field) {
            case "name", "address", "capacity", "accessibilityNote", "status" -> field;
            default -> "form";
        });
    }

    /** The room, if the account keeps it (403 otherwise, as the API; not found when there is none). */
    private Uni<RoomView> room(long id) {
        return Panache.withSession(() -> rooms.keptRoom(id)).flatMap(kept -> service.get(id));
    }
}

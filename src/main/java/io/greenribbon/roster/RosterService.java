package io.greenribbon.roster;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is on shift, for other features (the hotline routes calls by it). No access checks and no request
 * needed: call it on a Vert.x context, from a foreign thread through
 * {@code VertxContextSupport.subscribeAndAwait(() -> roster.currentShift(id, Instant.now()))}. Inside a
 * caller's own session or transaction, it joins that session.
 */
@ApplicationScoped
public class RosterService {

    private final ShiftRepository shifts;

    public RosterService(ShiftRepository shifts) {
        this.shifts = shifts;
    }

    /** The scheduled shift the counsellor holds at {@code at}, with its line division; empty when off shift. */
    @WithSession
    public Uni<Optional<OnShift>> currentShift(long counsellorId, Instant at) {
        return shifts.findHeldAt("s.counsellorId = :counsellor", Parameters.with("at", at)
                        .and("counsellor", counsellorId))
                .map(list -> list.stream().findFirst().map(OnShift::of));
    }

    /** As {@link #currentShift(long, Instant)}, for the counsellor who signs in with this Keycloak account. */
    @WithSession
    public Uni<Optional<OnShift>> currentShiftOf(String username, Instant at) {
        return shifts.findHeldAt("c.username = :username", Parameters.with("at", at).and("username", username))
                .map(list -> list.stream().findFirst().map(OnShift::of));
    }

    /** Everyone on shift at {@code at} on the line of exactly this division (4 or 6 digits), by start then name. */
    @WithSession
    public Uni<List<OnShift>> onShift(String lineDivision, Instant at) {
        return shifts.findHeldAt("s.lineDivision = :line", Parameters.with("at", at).and("line", lineDivision))
                .map(list -> list.stream().map(OnShift::of).toList());
    }

    /** Everyone on shift at {@code at} on any line at or below {@code division} (a city and its counties). */
    @WithSession
    public Uni<List<OnShift>> onShiftWithin(String division, Instant at) {
        return shifts.findHeldAt("s.lineDivision like :lines", Parameters.with("at", at)
                        .and("lines", division + "%"))
                .map(list -> list.stream().map(OnShift::of).toList());
    }
}

package io.greenribbon.roster;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ShiftChangeRepository implements PanacheRepository<ShiftChange> {

    public Uni<List<ShiftChange>> findByShift(Long shiftId) {
        return list("shiftId = ?1 order by id", shiftId);
    }
}

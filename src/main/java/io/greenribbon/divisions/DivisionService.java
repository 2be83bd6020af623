package io.greenribbon.divisions;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The administrative tree as an account may see it: its own division, everything beneath it, and the
 * path above it (which every account needs to know where it stands).
 */
@ApplicationScoped
@WithSession
public class DivisionService {

    private final DivisionRepository divisions;
    private final AccessDecision access;

    public DivisionService(DivisionRepository divisions, AccessDecision access) {
        this.divisions = divisions;
        this.access = access;
    }

    public Uni<DivisionView> get(String code) {
        return divisions.findById(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("division.not-found", code))
                .invoke(d -> requireVisible(d.code))
                .flatMap(d -> divisions.findAllByCode(DivisionCodes.pathTo(d.code))
                        .map(path -> DivisionView.of(d, path)));
    }

    public Uni<List<DivisionView>> children(String parentCode) {
        if (parentCode != null) {
            requireVisible(parentCode);
        }
        return divisions.findChildren(parentCode)
                .map(list -> list.stream().filter(d -> visible(d.code)).map(DivisionView::of).toList());
    }

    /** The path from the province down to {@code code}, without access checks (for one's own division). */
    public Uni<List<DivisionView.DivisionRef>> path(String code) {
        return divisions.findAllByCode(DivisionCodes.pathTo(code))
                .map(list -> list.stream().map(DivisionView.DivisionRef::of).toList());
    }

    private boolean visible(String code) {
        Actor actor = access.actor();
        return actor.governs(code) || (actor.division() != null && actor.division().startsWith(code));
    }

    private void requireVisible(String code) {
        if (!visible(code)) {
            throw ProblemException.outOfJurisdiction(code);
        }
    }
}

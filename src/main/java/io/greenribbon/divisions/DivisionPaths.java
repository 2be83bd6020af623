package io.greenribbon.divisions;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The path from the province down to an account's division, as every console page and {@code /api/me} show
 * it, kept in memory once read: the division table is reference data that only migrations write, so a path
 * read once stays true until the service restarts with a new schema (a path with a division missing is read
 * again each time). At most {@value #MAX_KEPT} paths are kept
 * (more than the city has divisions); beyond that they are read each time.
 */
@ApplicationScoped
public class DivisionPaths {

    static final int MAX_KEPT = 20_000;

    private final DivisionService divisions;
    private final Map<String, List<DivisionView.DivisionRef>> kept = new ConcurrentHashMap<>();

    public DivisionPaths(DivisionService divisions) {
        this.divisions = divisions;
    }

    /** {@link DivisionService#path}: no access check (for one's own division). */
    public Uni<List<DivisionView.DivisionRef>> of(String code) {
        List<DivisionView.DivisionRef> path = kept.get(code);
        if (path != null) {
            return Uni.createFrom().item(path);
        }
        return divisions.path(code).invoke(read -> {
            // A path with a division missing is not kept: the division may yet be added.
            if (read.size() == DivisionCodes.pathTo(code).size() && kept.size() < MAX_KEPT) {
                kept.put(code, read);
            }
        });
    }
}

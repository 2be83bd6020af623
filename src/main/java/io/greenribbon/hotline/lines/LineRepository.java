package io.greenribbon.hotline.lines;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class LineRepository implements PanacheRepositoryBase<HotlineLine, String> {

    public Uni<List<HotlineLine>> findActive() {
        return list("active", Sort.by("id"), true);
    }

    /** The lines of a division and everything beneath it. */
    public Uni<List<HotlineLine>> findWithin(String divisionPrefix) {
        return list("divisionCode like ?1", Sort.by("id"), divisionPrefix + "%");
    }
}

package io.greenribbon.roster;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class PatternRepository implements PanacheRepository<RosterPattern> {

    public Uni<List<RosterPattern>> findUnder(String division) {
        return list("lineDivision like ?1 order by lineDivision, name, id", division + "%");
    }
}

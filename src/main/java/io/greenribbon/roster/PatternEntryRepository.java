package io.greenribbon.roster;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class PatternEntryRepository implements PanacheRepository<PatternEntry> {

    public Uni<List<PatternEntry>> findByPattern(Long patternId) {
        return list("patternId = ?1 order by dayOfWeek, startTime, id", patternId);
    }
}

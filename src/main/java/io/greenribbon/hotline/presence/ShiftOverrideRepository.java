package io.greenribbon.hotline.presence;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

@ApplicationScoped
public class ShiftOverrideRepository implements PanacheRepository<ShiftOverride> {

    /** The override that lets the account take calls at {@code at}, the latest granted first; or null. */
    public Uni<ShiftOverride> findValid(String username, OffsetDateTime at) {
        return find("username = ?1 and validFrom <= ?2 and validUntil > ?2 order by createdAt desc", username, at)
                .firstResult();
    }
}

package io.greenribbon.counsellors.calendar;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, Long> {

    public Uni<CalendarFeed> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }
}

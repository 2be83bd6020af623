package io.greenribbon.hotline.presence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class PresenceRepository implements PanacheRepositoryBase<Presence, String> {

    /** The presence row, locked for a change of state. */
    public Uni<Presence> findForUpdate(String username) {
        return findById(username, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Everyone signed in: what Asterisk's queues should hold. */
    public Uni<List<Presence>> findSignedIn() {
        return list("state <> ?1", PresenceState.OFFLINE);
    }

    /** The account signed in with this phone now, or else the last one that used it. */
    public Uni<Presence> findByExtension(String extension) {
        return find("extension = ?1 order by case when state = ?2 then 1 else 0 end, stateSince desc",
                extension, PresenceState.OFFLINE).firstResult();
    }

    /** Wrap-ups that ran out, locked, skipping rows another replica is ending right now. */
    public Uni<List<Presence>> findExpiredWrapUps(OffsetDateTime now, int limit) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        SELECT * FROM hotline_presence WHERE state = 'WRAP_UP' AND wrap_up_until <= :now
                        ORDER BY wrap_up_until LIMIT :limit FOR UPDATE SKIP LOCKED""", Presence.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }

    /** Adds a line to the record of presence changes. */
    public Uni<Void> log(String username, PresenceState state, String reason, String actor) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        INSERT INTO hotline_presence_change (username, state, reason, actor)
                        VALUES (:username, :state, :reason, :actor)""")
                .setParameter("username", username).setParameter("state", state.name())
                .setParameter("reason", reason).setParameter("actor", actor)
                .executeUpdate()).replaceWithVoid();
    }
}

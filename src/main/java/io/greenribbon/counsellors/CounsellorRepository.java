package io.greenribbon.counsellors;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CounsellorRepository implements PanacheRepository<Counsellor> {

    /** The pool member who signs in with this Keycloak account, or null. */
    public Uni<Counsellor> findByUsername(String username) {
        return find("username", username).firstResult();
    }
}

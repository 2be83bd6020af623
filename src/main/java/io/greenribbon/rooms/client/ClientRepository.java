package io.greenribbon.rooms.client;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ClientRepository implements PanacheRepository<RoomClient> {

    public Uni<RoomClient> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public Uni<List<RoomClient>> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}

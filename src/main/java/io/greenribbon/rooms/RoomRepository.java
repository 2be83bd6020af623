package io.greenribbon.rooms;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class RoomRepository implements PanacheRepository<Room> {

    /** Rooms whose division starts with {@code prefix}, optionally only those {@code username} keeps. */
    public Uni<List<Room>> findWithin(String prefix, RoomStatus status, String keptBy, Page page) {
        StringBuilder q = new StringBuilder("divisionCode like :prefix");
        Parameters p = Parameters.with("prefix", prefix + "%");
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (keptBy != null) {
            q.append(" and id in (select s.roomId from RoomStaff s where s.username = :user)");
            p.and("user", keptBy);
        }
        return find(q.toString(), Sort.by("divisionCode").and("name"), p).page(page).list();
    }

    public Uni<Room> findByDivisionAndName(String divisionCode, String name) {
        return find("divisionCode = ?1 and name = ?2", divisionCode, name).firstResult();
    }

    public Uni<List<Room>> findByDivisions(Collection<String> divisionCodes) {
        return list("divisionCode in ?1", divisionCodes);
    }

    /** A room and whether {@code username} is listed among its staff. */
    public record WithStaffListing(Room room, boolean listed) {
    }

    /** A room with whether {@code username} is listed among its staff, in one statement; null when there is none. */
    public Uni<WithStaffListing> findWithStaffListing(long id, String username) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery("""
                        select r, (select count(*) from RoomStaff s where s.roomId = r.id and s.username = :user)
                        from Room r where r.id = :id""", Object[].class)
                .setParameter("id", id).setParameter("user", username)
                .getSingleResultOrNull())
                .map(row -> row == null ? null : new WithStaffListing((Room) row[0], ((Number) row[1]).longValue() > 0));
    }

    public Uni<List<Room>> findByIds(Collection<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}

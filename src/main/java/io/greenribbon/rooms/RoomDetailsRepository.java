package io.greenribbon.rooms;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** The hours and staff kept beside each room. */
@ApplicationScoped
public class RoomDetailsRepository {

    public Uni<List<RoomWeeklyHours>> weekly(Collection<Long> roomIds) {
        return roomIds.isEmpty() ? Uni.createFrom().item(List.of()) : Panache.getSession().flatMap(s -> s
                .createSelectionQuery("from RoomWeeklyHours where roomId in ?1 order by roomId, dayOfWeek, opens",
                        RoomWeeklyHours.class)
                .setParameter(1, roomIds).getResultList());
    }

    public Uni<List<RoomDatedHours>> dated(Collection<Long> roomIds) {
        return roomIds.isEmpty() ? Uni.createFrom().item(List.of()) : Panache.getSession().flatMap(s -> s
                .createSelectionQuery("from RoomDatedHours where roomId in ?1 order by roomId, date, opens nulls first",
                        RoomDatedHours.class)
                .setParameter(1, roomIds).getResultList());
    }

    /** The dated exceptions of one room between two dates, both included. */
    public Uni<List<RoomDatedHours>> dated(Long roomId, LocalDate from, LocalDate to) {
        return Panache.getSession().flatMap(s -> s
                .createSelectionQuery("from RoomDatedHours where roomId = ?1 and date between ?2 and ?3",
                        RoomDatedHours.class)
                .setParameter(1, roomId).setParameter(2, from).setParameter(3, to).getResultList());
    }

    public Uni<List<RoomStaff>> staff(Collection<Long> roomIds) {
        return roomIds.isEmpty() ? Uni.createFrom().item(List.of()) : Panache.getSession().flatMap(s -> s
                .createSelectionQuery("from RoomStaff where roomId in ?1 order by roomId, username", RoomStaff.class)
                .setParameter(1, roomIds).getResultList());
    }

    public Uni<Boolean> isKeptBy(Long roomId, String username) {
        return Panache.getSession().flatMap(s -> s
                .createSelectionQuery("select count(*) from RoomStaff where roomId = ?1 and username = ?2", Long.class)
                .setParameter(1, roomId).setParameter(2, username).getSingleResult())
                .map(n -> n > 0);
    }

    public Uni<Void> deleteWeekly(Long roomId) {
        return delete("delete from RoomWeeklyHours where roomId = ?1", roomId);
    }

    public Uni<Void> deleteDated(Long roomId) {
        return delete("delete from RoomDatedHours where roomId = ?1", roomId);
    }

    public Uni<Void> deleteStaff(Long roomId) {
        return delete("delete from RoomStaff where roomId = ?1", roomId);
    }

    private static Uni<Void> delete(String hql, Long roomId) {
        return Panache.getSession().flatMap(s -> s.createMutationQuery(hql).setParameter(1, roomId).executeUpdate())
                .replaceWithVoid();
    }
}

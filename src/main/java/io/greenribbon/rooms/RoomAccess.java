package io.greenribbon.rooms;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.access.Role;
import io.greenribbon.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may see and keep a room. Every account sees the rooms of its jurisdiction; an admin keeps
 * every room there; room staff keep only the rooms they are listed for (and only inside their own
 * division, should an admin ever list them elsewhere).
 */
@ApplicationScoped
public class RoomAccess {

    private final AccessDecision access;
    private final RoomDetailsRepository details;

    public RoomAccess(AccessDecision access, RoomDetailsRepository details) {
        this.access = access;
        this.details = details;
    }

    public Actor actor() {
        return access.actor();
    }

    /** Fails with 403 out-of-jurisdiction unless the room lies in the account's jurisdiction. */
    public void requireVisible(Room room) {
        access.requireGoverns(room.divisionCode);
    }

    public boolean actorGoverns(String divisionCode) {
        return access.governs(divisionCode);
    }

    public void requireGoverns(String divisionCode) {
        access.requireGoverns(divisionCode);
    }

    /** Succeeds when the account may change the room and book its sessions; fails with 403 otherwise. */
    public Uni<Room> requireKeeps(Room room) {
        access.requireGoverns(room.divisionCode);
        Actor actor = access.actor();
        if (!actor.hasRole(Role.ROOM_STAFF) || actor.hasRole(Role.ADMIN)) {
            return Uni.createFrom().item(() -> requireKeeps(room, false));
        }
        return details.isKeptBy(room.id, actor.username()).map(listed -> requireKeeps(room, listed));
    }

    /**
     * {@link #requireKeeps(Room)} when it is already known whether the account is listed among the room's
     * staff ({@link RoomRepository#findWithStaffListing}).
     */
    public Room requireKeeps(Room room, boolean listedAsStaff) {
        access.requireGoverns(room.divisionCode);
        Actor actor = access.actor();
        if (actor.hasRole(Role.ADMIN) || actor.hasRole(Role.ROOM_STAFF) && listedAsStaff) {
            return room;
        }
        throw ProblemException.forbidden("rooms.not-kept", room.id);
    }

    /** Whether the account administers rooms (creates them, lists their staff, imports). */
    public boolean administers() {
        return access.actor().hasRole(Role.ADMIN);
    }

    public String jurisdiction() {
        return access.jurisdiction();
    }
}

package io.greenribbon.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A room-staff account (Keycloak username) that keeps a room. */
@Entity
@Table(name = "room_staff")
public class RoomStaff {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "room_id")
    public Long roomId;

    public String username;

    public RoomStaff() {
    }

    public RoomStaff(Long roomId, String username) {
        this.roomId = roomId;
        this.username = username;
    }
}

package io.greenribbon.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalTime;

/** A dated exception to the weekly hours: a closure (whole day without times) or an extra opening. */
@Entity
@Table(name = "room_dated_hours")
public class RoomDatedHours {

    public enum Kind {
        CLOSED, OPEN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "room_id")
    public Long roomId;

    @Column(name = "on_date")
    public LocalDate date;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public LocalTime opens;

    public LocalTime closes;

    public String note;
}

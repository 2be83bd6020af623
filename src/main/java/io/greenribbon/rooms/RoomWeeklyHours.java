package io.greenribbon.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalTime;

/** One interval a room is open every week, in local time. */
@Entity
@Table(name = "room_weekly_hours")
public class RoomWeeklyHours {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "room_id")
    public Long roomId;

    /** ISO day of week: 1 = Monday … 7 = Sunday. */
    @Column(name = "day_of_week")
    public int dayOfWeek;

    public LocalTime opens;

    public LocalTime closes;
}

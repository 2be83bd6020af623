package io.greenribbon.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/** A counselling room in a village or community. Hours and staff are kept beside it. */
@Entity
@Table(name = "room")
public class Room {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_seq")
    @SequenceGenerator(name = "room_seq", sequenceName = "room_seq", allocationSize = 50)
    public Long id;

    @Column(name = "division_code")
    public String divisionCode;

    public String name;

    public String address;

    public int capacity;

    /** Reachable without steps (wheelchairs, walking frames). */
    @Column(name = "step_free")
    public boolean stepFree;

    @Column(name = "accessibility_note")
    public String accessibilityNote;

    @Column(name = "private_space")
    public boolean privateSpace;

    public boolean soundproof;

    @Column(name = "phone_link")
    public boolean phoneLink;

    @Column(name = "video_link")
    public boolean videoLink;

    @Enumerated(EnumType.STRING)
    public RoomStatus status = RoomStatus.OPEN;

    @Version
    public int version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public Set<Facility> facilities() {
        Set<Facility> set = EnumSet.noneOf(Facility.class);
        if (privateSpace) {
            set.add(Facility.PRIVATE);
        }
        if (soundproof) {
            set.add(Facility.SOUNDPROOF);
        }
        if (phoneLink) {
            set.add(Facility.PHONE_LINK);
        }
        if (videoLink) {
            set.add(Facility.VIDEO_LINK);
        }
        return set;
    }

    public void setFacilities(Set<Facility> facilities) {
        privateSpace = facilities.contains(Facility.PRIVATE);
        soundproof = facilities.contains(Facility.SOUNDPROOF);
        phoneLink = facilities.contains(Facility.PHONE_LINK);
        videoLink = facilities.contains(Facility.VIDEO_LINK);
    }
}

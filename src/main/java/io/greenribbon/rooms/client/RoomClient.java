package io.greenribbon.rooms.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A pseudonymous client of the counselling rooms: a code, the division where they were registered,
 * and their contact details sealed (never stored or listed in the clear).
 */
@Entity
@Table(name = "room_client")
public class RoomClient {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_client_seq")
    @SequenceGenerator(name = "room_client_seq", sequenceName = "room_client_seq", allocationSize = 50)
    public Long id;

    /** The code on the client's appointment card, such as {@code 7K3M-9P2Q}. */
    public String code;

    @Column(name = "division_code")
    public String divisionCode;

    /** The contact details as sealed by {@link io.greenribbon.crypto.FieldCipher}, or null if none given. */
    @Column(name = "contact_sealed")
    public String contactSealed;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}

package io.greenribbon.hotline.callbacks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A caller to call back. Created by SQL when a contact closes unanswered or the form asks for it. */
@Entity
@org.hibernate.annotations.DynamicUpdate
@Table(name = "hotline_callback")
public class Callback {

    @Id
    public Long id;

    @Column(name = "contact_id")
    public long contactId;

    @Column(name = "division_code")
    public String divisionCode;

    @Enumerated(EnumType.STRING)
    public CallbackReason reason;

    @Enumerated(EnumType.STRING)
    public CallbackStatus status;

    public int attempts;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "last_outcome")
    public String lastOutcome;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "reached_at")
    public OffsetDateTime reachedAt;

    @Version
    public int version;
}

package io.greenribbon.web;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** What a console user chose for themselves, kept with their account (not with one browser). */
@Entity
@Table(name = "console_preference")
public class ConsolePreference {

    @Id
    public String username;

    /** {@code zh-CN} or {@code en}. */
    public String language;

    /** Whether an urgent risk alert plays its sound on this account's console (risk supervisors). */
    @Column(name = "alert_sound")
    public boolean alertSound = true;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

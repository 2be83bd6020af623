package io.greenribbon.hotline.lines;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** One number callers dial: a county's line, the city line, or the line 12356 calls are forwarded to. */
@Entity
@Table(name = "hotline_line")
public class HotlineLine {

    /** The dialled number (DNID). */
    @Id
    public String id;

    public String name;

    /** The county (6 digits) or city (4 digits) the line serves. */
    @Column(name = "division_code")
    public String divisionCode;

    @Column(name = "asks_press_one")
    public boolean asksPressOne;

    @Column(name = "tier1_wait_seconds")
    public int tier1WaitSeconds;

    @Column(name = "tier2_wait_seconds")
    public int tier2WaitSeconds;

    @Column(name = "backup_number")
    public String backupNumber;

    @Column(name = "forwarded_12356")
    public boolean forwarded12356;

    public boolean active = true;

    @Version
    public int version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

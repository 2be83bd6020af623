package io.greenribbon.counsellors;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/** Applying a client's or a file's credential to the stored one. */
public final class Credentials {

    private Credentials() {
    }

    public static Credential create(Long counsellorId, String number, String level, String issuer, LocalDate from,
                             LocalDate until, OffsetDateTime now) {
        Credential c = new Credential();
        c.counsellorId = counsellorId;
        c.certificateNumber = number;
        c.level = level;
        c.issuer = issuer;
        c.validFrom = from;
        c.validUntil = until;
        c.updatedAt = now;
        return c;
    }

    /** Copies the values that differ; a moved end of validity clears the expiry flag. True if anything changed. */
    public static boolean update(Credential c, String level, String issuer, LocalDate from, LocalDate until,
                          OffsetDateTime now) {
        if (Objects.equals(c.level, level) && Objects.equals(c.issuer, issuer) && Objects.equals(c.validFrom, from)
                && Objects.equals(c.validUntil, until)) {
            return false;
        }
        if (!Objects.equals(c.validUntil, until)) {
            c.expiryFlaggedAt = null;
        }
        c.level = level;
        c.issuer = issuer;
        c.validFrom = from;
        c.validUntil = until;
        c.updatedAt = now;
        return true;
    }

    public static String normaliseNumber(String number) {
        return number == null ? null : number.trim().toUpperCase(java.util.Locale.ROOT);
    }
}

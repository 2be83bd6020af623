package io.greenribbon.counsellors.importing;

import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.Credential;
import io.greenribbon.counsellors.Credentials;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;

/** Copies a file line's values onto the stored records, touching only what differs (so a re-import is a no-op). */
final class ImportedValues {

    private static final int DEFAULT_CASELOAD = 20;

    private ImportedValues() {
    }

    /** True if anything changed. A new counsellor gets every value, with defaults where the file has none. */
    static boolean apply(ImportRow row, Counsellor c) {
        boolean changed = false;
        if (row.idNumber() != null && !row.idNumber().equals(c.idNumber)) {
            c.idNumber = row.idNumber();
            changed = true;
        }
        if (!row.fullName().equals(c.fullName)) {
            c.fullName = row.fullName();
            changed = true;
        }
        if (!row.homeDivision().equals(c.homeDivision)) {
            c.homeDivision = row.homeDivision();
            changed = true;
        }
        if (row.kind() != c.kind) {
            c.kind = row.kind();
            changed = true;
        }
        if (row.status() != null && row.status() != c.status) {
            c.status = row.status();
            changed = true;
        }
        if (row.languages() != null && !Arrays.equals(row.languages(), c.languages)) {
            c.languages = row.languages();
            changed = true;
        }
        if (row.specialties() != null && !Arrays.equals(row.specialties(), c.specialties)) {
            c.specialties = row.specialties();
            changed = true;
        }
        Integer caseload = row.maxCaseload() != null ? row.maxCaseload() : c.id == null ? DEFAULT_CASELOAD : null;
        if (caseload != null && caseload != c.maxCaseload) {
            c.maxCaseload = caseload;
            changed = true;
        }
        if (row.hasUsernameColumn() && !Objects.equals(row.username(), c.username)) {
            c.username = row.username();
            changed = true;
        }
        return changed;
    }

    static Credential credential(Long counsellorId, ImportRow.Certificate cert, OffsetDateTime now) {
        return Credentials.create(counsellorId, cert.number(), cert.level(), cert.issuer(), cert.validFrom(),
                cert.validUntil(), now);
    }

    static boolean apply(ImportRow.Certificate cert, Credential c, OffsetDateTime now) {
        return Credentials.update(c, cert.level(), cert.issuer(), cert.validFrom(), cert.validUntil(), now);
    }
}

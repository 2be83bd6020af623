package io.greenribbon.counsellors;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A credential whose validity ends soon, with whose it is. */
public record ExpiringCredential(Long credentialId, String certificateNumber, String level, String issuer,
                                 LocalDate validUntil, long daysLeft, OffsetDateTime flaggedAt, Long counsellorId,
                                 String counsellorName, String homeDivision, CounsellorStatus counsellorStatus) {
}

package io.greenribbon.counsellors;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A pool member as the API shows it. The ID number is shown in full only to those who manage the record. */
public record CounsellorView(Long id, String fullName, String homeDivision, CounsellorKind kind,
                             CounsellorStatus status, String idNumber, List<String> languages,
                             List<Specialty> specialties, int maxCaseload, String username, boolean certified,
                             List<CredentialView> credentials, int version, OffsetDateTime createdAt,
                             OffsetDateTime updatedAt) {

    public record CredentialView(Long id, String certificateNumber, String level, String issuer,
                                 LocalDate validFrom, LocalDate validUntil, boolean valid,
                                 OffsetDateTime expiryFlaggedAt) {
        static CredentialView of(Credential c, LocalDate today) {
            return new CredentialView(c.id, c.certificateNumber, c.level, c.issuer, c.validFrom, c.validUntil,
                    c.validOn(today), c.expiryFlaggedAt);
        }
    }

    static CounsellorView of(Counsellor c, List<Credential> credentials, LocalDate today, boolean fullIdNumber) {
        return new CounsellorView(c.id, c.fullName, c.homeDivision, c.kind, c.status,
                fullIdNumber ? c.idNumber : ResidentIdNumbers.masked(c.idNumber),
                List.of(c.languages), Arrays.stream(c.specialties).map(Specialty::valueOf).toList(), c.maxCaseload,
                c.username, credentials.stream().anyMatch(cr -> cr.validOn(today)),
                credentials.stream().map(cr -> CredentialView.of(cr, today)).toList(), c.version, c.createdAt,
                c.updatedAt);
    }
}

package io.greenribbon.counsellors.importing;

import io.greenribbon.counsellors.CounsellorKind;
import io.greenribbon.counsellors.CounsellorStatus;

import java.time.LocalDate;

/**
 * One valid data line of an import file. A null field is one whose column the file lacks (or, for
 * {@code status}, left blank): the stored value stays. {@code certificate} is null on a line without one.
 */
record ImportRow(int line, String idNumber, String fullName, String homeDivision, CounsellorKind kind,
                 CounsellorStatus status, String[] languages, String[] specialties, Integer maxCaseload,
                 String username, boolean hasUsernameColumn, Certificate certificate) {

    record Certificate(String number, String level, String issuer, LocalDate validFrom, LocalDate validUntil) {
    }

    /** The person this line describes: by ID number, or (without one) by its certificate. */
    String personKey() {
        return idNumber != null ? "id:" + idNumber : "cert:" + certificate.number();
    }
}

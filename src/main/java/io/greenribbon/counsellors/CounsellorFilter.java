package io.greenribbon.counsellors;

/** The filters of {@code GET /api/counsellors}; null means "any". */
public record CounsellorFilter(String division, CounsellorKind kind, String language, Specialty specialty,
                               Boolean certified, CounsellorStatus status, String text) {
}

package io.greenribbon.counsellors;

public enum CounsellorKind {
    COUNSELLOR, PSYCHOTHERAPIST, HEALTH_EDUCATOR
}

package io.greenribbon.counsellors;

public enum CounsellorStatus {
    ACTIVE, SUSPENDED, LEFT
}

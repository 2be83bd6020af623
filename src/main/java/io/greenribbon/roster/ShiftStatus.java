package io.greenribbon.roster;

public enum ShiftStatus {
    SCHEDULED, CANCELLED
}

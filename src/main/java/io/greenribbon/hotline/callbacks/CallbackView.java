package io.greenribbon.hotline.callbacks;

import java.time.OffsetDateTime;

/** A callback as the API shows it: never the number, which stays inside the service. */
public record CallbackView(long id, long contactId, String lineId, String divisionCode, CallbackReason reason,
                           CallbackStatus status, int attempts, OffsetDateTime lastAttemptAt, String lastOutcome,
                           OffsetDateTime createdAt, OffsetDateTime contactOfferedAt, boolean repeatCaller) {
}

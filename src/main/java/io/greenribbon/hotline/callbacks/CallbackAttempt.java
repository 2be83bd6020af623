package io.greenribbon.hotline.callbacks;

import java.time.OffsetDateTime;

/**
 * One try to call a caller back: whose phone rang first, when, and how it ended ({@code PENDING},
 * {@code PHONE_UNANSWERED}, {@code CALLEE_ANSWERED}, {@code CALLEE_UNANSWERED}, {@code FAILED}).
 */
public record CallbackAttempt(long callbackId, String counsellorUsername, OffsetDateTime startedAt,
                              OffsetDateTime phoneAnsweredAt, OffsetDateTime endedAt, String outcome) {
}

package io.greenribbon.hotline.contacts;

import java.time.Instant;

/** A contact to open for a call, as the route script or a recovery knows it. */
public record NewContact(String uniqueId, String linkedId, String lineId, String divisionCode, ContactSource source,
                         String callerKey, String callerNumberSealed, String redirectingNumberSealed,
                         boolean repeatCaller, String preferredUsername, int priority, RiskReason riskReason,
                         String tier1Queue, String tier2Queue, Instant offeredAt) {
}

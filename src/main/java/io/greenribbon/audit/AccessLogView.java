package io.greenribbon.audit;

import java.time.Instant;
import java.util.List;

/** A page of the access log, newest first; {@code before} fetches the next page. */
public record AccessLogView(List<Item> entries, Long before) {

    public record Item(long seq, Instant at, String actor, String actorRoles, String actorDivision, String action,
                       String recordType, String recordId, String recordDivision, String purpose, String outcome,
                       String detail) {
    }
}

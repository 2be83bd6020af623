package io.greenribbon.audit;

import io.greenribbon.access.Actor;
import io.greenribbon.access.Role;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/**
 * One access to protected data, as the audit log keeps it: who (account, roles, division), what
 * ({@code action} on a record of a type, with the record's division), why ({@code purpose}), whether it
 * was allowed, and when. No entry carries the identity of a person who sought help: records are named by
 * type and id only, and {@code detail} holds codes, never free text from a user.
 */
public record AuditEntry(Instant at, String actor, String actorRoles, String actorDivision, String action,
                         String recordType, String recordId, String recordDivision, String purpose,
                         Outcome outcome, String detail) {

    /** Allowed and done; refused by the access decision; allowed, but the operation failed (nothing changed). */
    public enum Outcome { ALLOWED, DENIED, FAILED }

    public AuditEntry {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** An entry for an account's access. */
    public static AuditEntry of(Instant at, Actor actor, String action, String recordType, Object recordId,
                                String recordDivision, String purpose, Outcome outcome, String detail) {
        return new AuditEntry(at, actor.username(), rolesOf(actor), actor.division(), action, recordType,
                recordId == null ? null : String.valueOf(recordId), recordDivision, purpose, outcome, detail);
    }

    /** An entry for something the service did by itself (a deadline sweep, a routing decision). */
    public static AuditEntry system(Instant at, String job, String action, String recordType, Object recordId,
                                    String recordDivision, String purpose, String detail) {
        return new AuditEntry(at, "system:" + job, "", null, action, recordType,
                recordId == null ? null : String.valueOf(recordId), recordDivision, purpose, Outcome.ALLOWED, detail);
    }

    /** The account's greenribbon roles, sorted (tokens also carry Keycloak's own roles). */
    static String rolesOf(Actor actor) {
        return actor.roles().stream().filter(Role.ALL::contains).sorted().collect(Collectors.joining(","));
    }

    public AuditEntry withRecord(Object id, String division) {
        return new AuditEntry(at, actor, actorRoles, actorDivision, action, recordType,
                id == null ? null : String.valueOf(id), division, purpose, outcome, detail);
    }

    public AuditEntry withDetail(String newDetail) {
        return new AuditEntry(at, actor, actorRoles, actorDivision, action, recordType, recordId, recordDivision,
                purpose, outcome, newDetail);
    }
}

package io.greenribbon.problem;

import java.net.URI;

/**
 * The catalogue of errors the API answers with. Each has a stable {@code type} URI that clients may
 * switch on, an HTTP status, and a localised title in {@code i18n/messages}.
 */
public enum ProblemType {
    VALIDATION("validation", 400),
    MALFORMED_REQUEST("malformed-request", 400),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    OUT_OF_JURISDICTION("out-of-jurisdiction", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    CONFLICT("conflict", 409),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    UNAVAILABLE("unavailable", 503),
    PBX_UNAVAILABLE("pbx-unavailable", 503),
    /** The database cannot be reached just now (down, restarting, out of connections): try again later. */
    DATABASE_UNAVAILABLE("database-unavailable", 503),
    INTERNAL("internal", 500),
    UNPROCESSABLE("unprocessable", 422),
    /** A booking collides with another of the same room, counsellor or client. */
    BOOKING_CONFLICT("booking-conflict", 409),
    /** A booking's state does not allow the step asked for (or changed meanwhile). */
    BOOKING_STATE("booking-state", 409),
    /** An idempotency key was used again with a different request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    /** A counsellor asked to take calls without a shift on the roster or a supervisor's override. */
    NOT_ON_SHIFT("not-on-shift", 409),
    ;

    private static final String BASE = "urn:greenribbon:problem:";

    private final String id;
    private final int status;

    ProblemType(String id, int status) {
        this.id = id;
        this.status = status;
    }

    public URI uri() {
        return URI.create(BASE + id);
    }

    public String id() {
        return id;
    }

    public int status() {
        return status;
    }

    public String titleKey() {
        return "problem." + id + ".title";
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}

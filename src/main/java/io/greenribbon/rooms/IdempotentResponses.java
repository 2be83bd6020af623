package io.greenribbon.rooms;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The HTTP answer of an idempotent write: its stored status and body, and {@code Idempotent-Replayed} when sent again. */
public final class IdempotentResponses {

    /** The header that says an answer is the one stored by an earlier request with the same key. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** Printable ASCII, as a client generates it (a UUID, typically). */
    public static final String KEY_PATTERN = "^[\\x21-\\x7E]{1,255}$";

    private IdempotentResponses() {
    }

    /** {@code location}: the address of the record made (for a 201), or null. */
    public static Response of(IdempotencyStore.Outcome outcome, String location) {
        Response.ResponseBuilder response = Response.status(outcome.status()).type(MediaType.APPLICATION_JSON)
                .entity(outcome.body());
        if (location != null && outcome.resourceId() != null) {
            response.location(URI.create(location + outcome.resourceId()));
        }
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}

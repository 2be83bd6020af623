package io.greenribbon.rooms.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The idempotency keys of POST /api/bookings ({@code booking_request}). Inside the booking's own
 * transaction the first request with a key claims it (a concurrent duplicate waits on the key's row
 * until the first commits or rolls back) and stores its answer; a later request with the same key and
 * the same body gets that answer back and books nothing. Keys are per account.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** A stored answer. */
    public record Stored(int status, String body) {
    }

    /** Canonical JSON (sorted properties, ISO instants) so the hash ignores formatting and field order. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public static String hash(Object request) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Claims {@code key} for this request in the current transaction; answers null when the claim is
     * new, or the answer stored by the request that used the key before.
     */
    public Uni<Stored> claim(String actor, String key, String requestHash) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        INSERT INTO booking_request (actor, idempotency_key, request_hash, response_status, response_body)
                        VALUES (:actor, :key, :hash, 0, '') ON CONFLICT DO NOTHING""")
                .setParameter("actor", actor).setParameter("key", key).setParameter("hash", requestHash)
                .executeUpdate()
                .flatMap(inserted -> inserted == 1 ? Uni.createFrom().<Stored>nullItem() : s.createNativeQuery("""
                                SELECT request_hash, response_status, response_body FROM booking_request
                                WHERE actor = :actor AND idempotency_key = :key""", Object[].class)
                        .setParameter("actor", actor).setParameter("key", key)
                        .getSingleResult()
                        .map(row -> {
                            if (!requestHash.equals(row[0])) {
                                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                                        "bookings.idempotency.reused").with("idempotencyKey", key);
                            }
                            return new Stored(((Number) row[1]).intValue(), (String) row[2]);
                        })));
    }

    /** Stores the answer for a claimed key, in the same transaction as the booking. */
    public Uni<Void> complete(String actor, String key, int status, String body) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        UPDATE booking_request SET response_status = :status, response_body = :body
                        WHERE actor = :actor AND idempotency_key = :key""")
                .setParameter("status", status).setParameter("body", body)
                .setParameter("actor", actor).setParameter("key", key)
                .executeUpdate()).replaceWithVoid();
    }

    /** Forgets keys older than {@code before}. */
    public Uni<Integer> purge(OffsetDateTime before) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("DELETE FROM booking_request WHERE created_at < :before")
                .setParameter("before", before).executeUpdate()));
    }
}

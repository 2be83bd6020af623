package io.greenribbon.rooms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.greenribbon.crypto.KeyedHash;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * Idempotency keys of the rooms feature's writes ({@code idempotent_request}): booking, every step of a
 * booking's life, registering a client, changing a room, from the API ({@code Idempotency-Key}) and from the
 * console (a key made when the form opens). Inside the write's own transaction the first request with a key
 * claims it (a concurrent duplicate waits on the key's row until the first commits or rolls back) and stores
 * its answer; a later request with the same key and the same body gets that answer back and changes nothing.
 * A request that fails rolls its claim back, so the key stays free. Keys are per account.
 */
@ApplicationScoped
public class IdempotencyStore {

    /**
     * What a write answered: its HTTP status and JSON body, the record it made or changed, and whether this
     * is the answer stored by an earlier request with the same key (nothing was done this time).
     */
    public record Outcome(int status, String body, Long resourceId, boolean replayed) {

        public static Outcome of(int status, String body, Long resourceId) {
            return new Outcome(status, body, resourceId, false);
        }
    }

    /** Canonical JSON (sorted properties, ISO instants) so the hash ignores formatting and field order. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final KeyedHash keyedHash;

    public IdempotencyStore(KeyedHash keyedHash) {
        this.keyedHash = keyedHash;
    }

    /**
     * Runs {@code work} once per account and key: call it inside the write's transaction. Without a key the
     * work simply runs. The same key with another operation or another request fails with 422.
     */
    public Uni<Outcome> once(String actor, String key, String operation, Object request, Supplier<Uni<Outcome>> work) {
        if (key == null) {
            return work.get();
        }
        String hash = hash(operation, request);
        return claim(actor, key, operation, hash).flatMap(stored -> stored != null ? Uni.createFrom().item(stored)
                : work.get().call(outcome -> complete(actor, key, outcome)));
    }

    /** A keyed hash: a request holding personal data (a client's phone) cannot be found again by guessing. */
    String hash(String operation, Object request) {
        try {
            return keyedHash.of(operation + "\n" + CANONICAL.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims {@code key} in the current transaction: null when the claim is new, or the answer stored before. */
    private Uni<Outcome> claim(String actor, String key, String operation, String requestHash) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        INSERT INTO idempotent_request (actor, idempotency_key, operation, request_hash,
                                                        response_status, response_body)
                        VALUES (:actor, :key, :operation, :hash, 0, '') ON CONFLICT DO NOTHING""")
                .setParameter("actor", actor).setParameter("key", key).setParameter("operation", operation)
                .setParameter("hash", requestHash)
                .executeUpdate()
                .flatMap(inserted -> inserted == 1 ? Uni.createFrom().<Outcome>nullItem() : s.createNativeQuery("""
                                SELECT request_hash, response_status, response_body, resource_id FROM idempotent_request
                                WHERE actor = :actor AND idempotency_key = :key""", Object[].class)
                        .setParameter("actor", actor).setParameter("key", key)
                        .getSingleResult()
                        .map(row -> {
                            if (!requestHash.equals(row[0])) {
                                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                                        "bookings.idempotency.reused").with("idempotencyKey", key);
                            }
                            return new Outcome(((Number) row[1]).intValue(), (String) row[2],
                                    row[3] == null ? null : ((Number) row[3]).longValue(), true);
                        })));
    }

    /** Stores the answer for a claimed key, in the same transaction as the write. */
    private Uni<Void> complete(String actor, String key, Outcome outcome) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        UPDATE idempotent_request SET response_status = :status, response_body = :body,
                                                      resource_id = :resource
                        WHERE actor = :actor AND idempotency_key = :key""")
                .setParameter("status", outcome.status()).setParameter("body", outcome.body())
                .setParameter("resource", outcome.resourceId())
                .setParameter("actor", actor).setParameter("key", key)
                .executeUpdate()).replaceWithVoid();
    }

    /** Forgets keys older than {@code before}. */
    public Uni<Integer> purge(OffsetDateTime before) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("DELETE FROM idempotent_request WHERE created_at < :before")
                .setParameter("before", before).executeUpdate()));
    }
}

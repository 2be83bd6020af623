package io.greenribbon.risk;

import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.crypto.KeyedHash;
import io.greenribbon.hotline.contacts.AnsweredVia;
import io.greenribbon.hotline.contacts.CallLedger;
import io.greenribbon.hotline.contacts.ContactSource;
import io.greenribbon.hotline.contacts.NewContact;
import io.greenribbon.hotline.routing.RoutingService;
import io.greenribbon.testkit.Databases;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hotline calls for risk tests, written through the hotline's own ledger as its call handling writes them
 * (a contact on the Qiaoxi line, answered by a counsellor, open until hung up), without driving a PBX.
 */
@Singleton
public class HotlineCalls {

    private static final AtomicLong NUMBERS = new AtomicLong(13_900_000_000L + System.currentTimeMillis() % 90_000_000L);

    private final CallLedger ledger;
    private final KeyedHash hash;
    private final FieldCipher cipher;
    private final Map<Long, String> uniqueIds = new ConcurrentHashMap<>();

    public HotlineCalls(CallLedger ledger, KeyedHash hash, FieldCipher cipher) {
        this.ledger = ledger;
        this.hash = hash;
        this.cipher = cipher;
    }

    /** A new caller's number. */
    public static String newNumber() {
        return Long.toString(NUMBERS.incrementAndGet());
    }

    /** A call from {@code number} on the Qiaoxi line that {@code counsellor} (of Qiaoxi) answered and is still on. */
    public long answered(String counsellor, String number) {
        return answered(counsellor, "130104", "130104", number);
    }

    /** A call from {@code number} on the line of {@code lineDivision}, answered by a counsellor of {@code counsellorDivision}. */
    public long answered(String counsellor, String counsellorDivision, String lineDivision, String number) {
        String uid = "risk-test-" + UUID.randomUUID();
        Instant now = Instant.now();
        NewContact contact = new NewContact(uid, uid, null, lineDivision, ContactSource.ROUTE, hash.of(number),
                cipher.seal(number, RoutingService.CALLER_NUMBER_AD), null, false, null, 0, null, "hl-130104", "hl-1301",
                now.minusSeconds(30));
        long id = run(() -> Panache.withTransaction(() -> ledger.open(contact)
                .call(opened -> ledger.answered(uid, now, AnsweredVia.TIER1, "hl-" + lineDivision, Duration.ofSeconds(3),
                        counsellor, counsellorDivision))
                .map(CallLedger.Opened::id)));
        uniqueIds.put(id, uid);
        return id;
    }

    public void hangUp(long contactId) {
        String uid = uniqueIds.get(contactId);
        run(() -> Panache.withTransaction(() -> ledger.close(uid, Instant.now(), false, Duration.ofSeconds(5))));
    }

    public String callerKey(String number) {
        return hash.of(number);
    }

    /** What routing learns of a caller's risk: level and counsellor of an open HIGH or IMMINENT case. */
    public record RoutingFlag(String level, String assignedCounsellor) {
    }

    /**
     * Asks {@code risk_routing_flag} (V5_3), the one way the route statement reads risk, as the service's
     * login without any acting context of its own.
     */
    public Optional<RoutingFlag> routingFlag(String callerKey) {
        try (Connection app = Databases.asApp();
             PreparedStatement s = app.prepareStatement("SELECT level, assigned_counsellor FROM risk_routing_flag(?)")) {
            s.setString(1, callerKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new RoutingFlag(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T run(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.greenribbon.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash chain of the audit log. An entry's hash is HMAC-SHA256, under a key the database never holds,
 * of the previous entry's hash and the entry's fields in a fixed, unambiguous encoding (each field as
 * {@code <utf8 length>:<value>|}, a missing one as {@code ~|}). Whoever can write the table but lacks the
 * key cannot forge a chain that verifies.
 */
@ApplicationScoped
public class AuditChain {

    /** The hash the first entry continues. */
    public static final String GENESIS = "0".repeat(64);

    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;
    /** A Mac is reusable after doFinal but not thread-safe: one per thread and key. */
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(java.util.HashMap::new);

    @Inject
    public AuditChain(AuditConfig config) {
        this(config.chainKeyId(), parseKeys(config.chainKeys()));
    }

    AuditChain(String activeKeyId, Map<String, SecretKeySpec> keys) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("greenribbon.audit.chain-key-id '" + activeKeyId + "' is not among the chain keys");
        }
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(keys);
    }

    /** Chains {@code entry} after {@code prevHash} as number {@code seq}, under the active key. */
    public ChainedEntry link(long seq, AuditEntry entry, String prevHash) {
        return new ChainedEntry(seq, entry, activeKeyId, prevHash, hash(seq, entry, activeKeyId, prevHash));
    }

    /** The hash an entry must carry; null when its key id is unknown. */
    public String hash(long seq, AuditEntry entry, String keyId, String prevHash) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            return null;
        }
        Mac mac = macs.get().computeIfAbsent(keyId, id -> newMac(key));
        return HexFormat.of().formatHex(mac.doFinal(canonical(seq, entry, keyId, prevHash)));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] canonical(long seq, AuditEntry e, String keyId, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, e.at());
        for (String field : new String[]{Long.toString(seq), Long.toString(micros), e.actor(), e.actorRoles(),
                e.actorDivision(), e.action(), e.recordType(), e.recordId(), e.recordDivision(), e.purpose(),
                e.outcome().name(), e.detail(), keyId, prevHash}) {
            if (field == null) {
                out.writeBytes(new byte[]{'~', '|'});
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(bytes);
                out.write('|');
            }
        }
        return out.toByteArray();
    }

    static Map<String, SecretKeySpec> parseKeys(String spec) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String trimmed = pair.trim();
            int colon = trimmed.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("greenribbon.audit.chain-keys: expected id:base64key pairs");
            }
            byte[] key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            if (key.length < 32) {
                throw new IllegalStateException("greenribbon.audit.chain-keys: key '" + trimmed.substring(0, colon)
                        + "' must have at least 32 bytes");
            }
            keys.put(trimmed.substring(0, colon), new SecretKeySpec(key, "HmacSHA256"));
        }
        return keys;
    }
}

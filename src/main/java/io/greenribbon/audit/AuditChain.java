package io.greenribbon.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    private final ThreadLocal<Canonical> buffers = ThreadLocal.withInitial(Canonical::new);

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
        Canonical out = buffers.get();
        out.reset();
        write(out, seq, entry, keyId, prevHash);
        mac.update(out.bytes, 0, out.length);
        return HexFormat.of().formatHex(mac.doFinal());
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
        Canonical out = new Canonical();
        write(out, seq, e, keyId, prevHash);
        return java.util.Arrays.copyOf(out.bytes, out.length);
    }

    private static void write(Canonical out, long seq, AuditEntry e, String keyId, String prevHash) {
        out.field(Long.toString(seq));
        out.field(Long.toString(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, e.at())));
        out.field(e.actor());
        out.field(e.actorRoles());
        out.field(e.actorDivision());
        out.field(e.action());
        out.field(e.recordType());
        out.field(e.recordId());
        out.field(e.recordDivision());
        out.field(e.purpose());
        out.field(e.outcome().name());
        out.field(e.detail());
        out.field(keyId);
        out.field(prevHash);
    }

    /** The encoding buffer, reused per thread: each field as {@code <utf8 length>:<value>|}, null as {@code ~|}. */
    private static final class Canonical {
        private byte[] bytes = new byte[512];
        private int length;

        void reset() {
            length = 0;
        }

        void field(String value) {
            if (value == null) {
                ensure(2);
                bytes[length++] = '~';
                bytes[length++] = '|';
                return;
            }
            byte[] utf8 = ascii(value) ? null : value.getBytes(StandardCharsets.UTF_8);
            int size = utf8 == null ? value.length() : utf8.length;
            String prefix = Integer.toString(size);
            ensure(prefix.length() + size + 2);
            for (int i = 0; i < prefix.length(); i++) {
                bytes[length++] = (byte) prefix.charAt(i);
            }
            bytes[length++] = ':';
            if (utf8 == null) {
                for (int i = 0; i < size; i++) {
                    bytes[length++] = (byte) value.charAt(i);
                }
            } else {
                System.arraycopy(utf8, 0, bytes, length, size);
                length += size;
            }
            bytes[length++] = '|';
        }

        private static boolean ascii(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
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

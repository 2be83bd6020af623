package io.greenribbon.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A keyed hash (HMAC-SHA256) that recognises a value again without storing it: the same caller number
 * always gives the same key, and without the secret the key reveals nothing, not even by trying every
 * phone number.
 */
@ApplicationScoped
public class KeyedHash {

    private final SecretKeySpec key;

    @Inject
    public KeyedHash(CryptoConfig config) {
        this(Base64.getDecoder().decode(config.callerHmacKey()));
    }

    KeyedHash(byte[] key) {
        if (key.length < 32) {
            throw new IllegalStateException("greenribbon.crypto.caller-hmac-key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The hex HMAC of {@code value}; callers normalise the value first. */
    public String of(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

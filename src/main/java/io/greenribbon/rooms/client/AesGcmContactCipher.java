package io.greenribbon.rooms.client;

import io.greenribbon.rooms.RoomsConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM with a random 96-bit nonce per value ({@code nonce || ciphertext || tag}); the context
 * (the client's code) is the associated data, so a sealed value cannot be moved to another client.
 * The key comes from {@code greenribbon.rooms.contact-key}; a bad key stops the service at start.
 */
@ApplicationScoped
@Startup
public class AesGcmContactCipher implements ContactCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String keyId;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public AesGcmContactCipher(RoomsConfig config) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(config.contactKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("greenribbon.rooms.contact-key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("greenribbon.rooms.contact-key must be 32 bytes (AES-256), not " + raw.length);
        }
        this.keyId = config.contactKeyId();
        this.key = new SecretKeySpec(raw, "AES");
    }

    @Override
    public Sealed seal(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(plaintext);
            return new Sealed(keyId, ByteBuffer.allocate(NONCE_BYTES + body.length).put(nonce).put(body).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal contact details", e);
        }
    }

    @Override
    public byte[] open(Sealed sealed, String context) {
        if (!keyId.equals(sealed.keyId())) {
            throw new IllegalStateException("Contact details sealed with unknown key " + sealed.keyId());
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Contact details cannot be opened (altered or wrong key)", e);
        }
    }
}

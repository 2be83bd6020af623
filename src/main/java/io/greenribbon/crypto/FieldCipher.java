package io.greenribbon.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals sensitive fields (notes, safety plans, contact details, caller numbers) with AES-256-GCM. A sealed
 * value is {@code <key id>:<base64(iv ‖ ciphertext ‖ tag)>}, so keys can rotate: any listed key opens,
 * the active key seals. The associated data binds a ciphertext to its place (for example
 * {@code "hotline_contact.caller_number"}), so a value copied into another column does not open.
 */
@ApplicationScoped
public class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keyring;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public FieldCipher(CryptoConfig config) {
        this(config.activeKeyId(), parseKeyring(config.keys()));
    }

    FieldCipher(String activeKeyId, Map<String, SecretKey> keyring) {
        if (!keyring.containsKey(activeKeyId)) {
            throw new IllegalStateException("The active key id '" + activeKeyId + "' is not in the keyring");
        }
        this.activeKeyId = activeKeyId;
        this.keyring = Map.copyOf(keyring);
    }

    public String seal(String plaintext, String associatedData) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keyring.get(activeKeyId), iv, associatedData,
                plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[IV_BYTES + sealed.length];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
    }

    public String open(String sealedValue, String associatedData) {
        if (sealedValue == null) {
            return null;
        }
        int colon = sealedValue.indexOf(':');
        if (colon < 1) {
            throw new SealedValueException("Not a sealed value");
        }
        SecretKey key = keyring.get(sealedValue.substring(0, colon));
        if (key == null) {
            throw new SealedValueException("Unknown key id " + sealedValue.substring(0, colon));
        }
        byte[] raw = Base64.getDecoder().decode(sealedValue.substring(colon + 1));
        if (raw.length < IV_BYTES + TAG_BITS / 8) {
            throw new SealedValueException("Sealed value too short");
        }
        byte[] iv = java.util.Arrays.copyOfRange(raw, 0, IV_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(raw, IV_BYTES, raw.length);
        return new String(run(Cipher.DECRYPT_MODE, key, iv, associatedData, body), StandardCharsets.UTF_8);
    }

    /** Whether a value was sealed with a key other than the active one and should be re-sealed. */
    public boolean needsResealing(String sealedValue) {
        return sealedValue != null && !sealedValue.startsWith(activeKeyId + ":");
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    private static byte[] run(int mode, SecretKey key, byte[] iv, String associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            if (associatedData != null) {
                cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            }
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealedValueException("Sealed value failed authentication (tampered, or opened in the wrong place)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, SecretKey> parseKeyring(String keys) {
        Map<String, SecretKey> keyring = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("greenribbon.crypto.keys: expected id:base64key pairs");
            }
            byte[] key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            if (key.length != 32) {
                throw new IllegalStateException("greenribbon.crypto.keys: key '" + trimmed.substring(0, colon)
                        + "' must be 32 bytes (AES-256)");
            }
            keyring.put(trimmed.substring(0, colon), new SecretKeySpec(key, "AES"));
        }
        return keyring;
    }
}

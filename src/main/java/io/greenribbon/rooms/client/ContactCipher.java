package io.greenribbon.rooms.client;

/**
 * Seals and opens clients' contact details. The sealed value names the key it was sealed with, so
 * keys can be rotated. (To be replaced by the shared {@code io.greenribbon.crypto} component when it
 * lands; this interface is the one seam to switch.)
 */
public interface ContactCipher {

    /** A sealed value and the id of the key that sealed it. */
    record Sealed(String keyId, byte[] bytes) {
    }

    /** Seals {@code plaintext}, bound to {@code context} (which must be given again to open it). */
    Sealed seal(byte[] plaintext, String context);

    /** Opens a sealed value; fails if it was altered, sealed for another context, or its key is unknown. */
    byte[] open(Sealed sealed, String context);
}

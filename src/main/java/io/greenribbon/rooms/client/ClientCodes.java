package io.greenribbon.rooms.client;

import java.security.SecureRandom;

/**
 * Client codes: 8 random characters of Crockford's base32 (no I, L, O, U), written as two groups of four, e.g. {@code 7K2M-Q9TD};
 * 40 bits, so guessing a code is hopeless and collisions are rare (the database rejects them).
 */
public final class ClientCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientCodes() {
    }

    public static String next() {
        char[] code = new char[9];
        for (int i = 0; i < 9; i++) {
            code[i] = i == 4 ? '-' : ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}

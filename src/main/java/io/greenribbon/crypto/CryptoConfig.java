package io.greenribbon.crypto;

import io.smallrye.config.ConfigMapping;

/** Keys for data at rest. They come from configuration secrets, never from the repository. */
@ConfigMapping(prefix = "greenribbon.crypto")
public interface CryptoConfig {

    /** The id of the key new ciphertexts are sealed with; older keys stay listed until data is re-sealed. */
    String activeKeyId();

    /** The AES-256 keyring, as {@code id:base64key} pairs separated by commas. */
    String keys();

    /** The HMAC-SHA256 key (base64) that turns caller numbers into stable pseudonymous keys. */
    String callerHmacKey();
}

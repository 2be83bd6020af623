package io.greenribbon.hotline.calls;

import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.crypto.KeyedHash;
import io.greenribbon.hotline.CallerNumbers;
import io.greenribbon.hotline.routing.RoutingService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** A caller number as contacts keep it: the keyed hash that recognises it, and the number sealed. */
@ApplicationScoped
public class CallerIdentity {

    private final KeyedHash hash;
    private final FieldCipher cipher;

    public CallerIdentity(KeyedHash hash, FieldCipher cipher) {
        this.hash = hash;
        this.cipher = cipher;
    }

    public record Identity(String key, String sealedNumber) {
    }

    /** Empty when the number is withheld or unusable. */
    public Optional<Identity> of(String presentedNumber) {
        return CallerNumbers.normalise(presentedNumber)
                .map(n -> new Identity(hash.of(n), cipher.seal(n, RoutingService.CALLER_NUMBER_AD)));
    }
}

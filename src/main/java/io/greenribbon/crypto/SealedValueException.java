package io.greenribbon.crypto;

/** A sealed value that cannot be opened: tampered with, sealed for another place, or under an unknown key. */
public class SealedValueException extends RuntimeException {

    public SealedValueException(String message) {
        super(message);
    }
}

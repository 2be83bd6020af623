package io.greenribbon.risk;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Implemented by the hotline: the call a counsellor is connected to right now. Break-the-glass is only
 * for a counsellor on a live call with the person of the case, and this is how the risk side knows.
 */
public interface LiveCallDirectory {

    /** The live call {@code username} is connected to, if any. */
    Uni<Optional<LiveCall>> currentCall(String username);

    /**
     * @param contactId the hotline contact of the call
     * @param callerKey the keyed hash of the caller's number
     */
    record LiveCall(long contactId, String callerKey) {
    }
}

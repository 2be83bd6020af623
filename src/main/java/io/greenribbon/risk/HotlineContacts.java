package io.greenribbon.risk;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * Implemented by the hotline: what the risk side needs to know of hotline contacts. The caller's number
 * itself stays sealed in the hotline contact; risk sees its keyed hash, and opens the number only through
 * the two-person unmasking flow.
 */
public interface HotlineContacts {

    /** The live call {@code username} is connected to right now, if any (break-the-glass needs one). */
    Uni<Optional<LiveCall>> currentCall(String username);

    /** The keyed hash of the caller's number of a contact (empty for a contact without caller id). */
    Uni<Optional<String>> callerKey(long contactId);

    /**
     * Opens the caller number sealed in a contact. Only {@link UnmaskService} calls it, once a supervisor
     * approved a counsellor's request, inside the transaction that records the disclosure.
     */
    Uni<String> openCallerNumber(long contactId);

    /**
     * @param contactId the hotline contact of the call
     * @param callerKey the keyed hash of the caller's number
     */
    record LiveCall(long contactId, String callerKey) {
    }
}

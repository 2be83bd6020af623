package io.greenribbon.risk;

import io.smallrye.mutiny.Uni;

/**
 * Implemented by the hotline: opens the caller number sealed in a hotline contact. Only the two-person
 * unmasking flow ({@link UnmaskService}) calls it, once a supervisor approved the counsellor's request,
 * inside the transaction that records the disclosure.
 */
public interface CallerNumbers {

    /** The caller's number as the exchange delivered it; fails when the contact has none. */
    Uni<String> open(long contactId);
}

package io.greenribbon.risk;

import io.smallrye.mutiny.Uni;

import java.util.Optional;

/**
 * What the risk side needs to know of hotline contacts ({@link HotlineContactsAdapter} reads the hotline's own
 * records). The caller's number
 * itself stays sealed in the hotline contact; risk sees its keyed hash, and opens the number only through
 * the two-person unmasking flow.
 */
public interface HotlineContacts {

    /** The live call {@code username} is connected to right now, if any (break-the-glass needs one). */
    Uni<Optional<LiveCall>> currentCall(String username);

    /**
     * The live call of a case's person now: an answered, open contact of the caller ({@code callerKey}), or one
     * of the case's own contacts ({@code contactIds}: a withheld number is known by them only); the latest one.
     */
    Uni<Optional<CallInProgress>> liveCallWith(String callerKey, java.util.Collection<Long> contactIds);

    /** What risk needs of a contact: the caller's keyed hash, the line's division, who answered; empty if none. */
    Uni<Optional<ContactFacts>> contact(long contactId);

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

    /**
     * @param contactId           the hotline contact of the call
     * @param lineId              the line called
     * @param counsellor          who answered it
     * @param counsellorExtension the phone they talk on, null unless their presence says they are on this call
     * @param answeredAt          when they answered
     */
    record CallInProgress(long contactId, String lineId, String counsellor, String counsellorExtension,
                          java.time.Instant answeredAt) {

        /** Whether a supervisor can be brought into it: the PBX channel of the counsellor's phone is known. */
        public boolean joinable() {
            return counsellorExtension != null;
        }
    }

    /**
     * @param callerKey          the keyed hash of the caller's number (null when withheld)
     * @param division           the division of the line called
     * @param counsellor         who answered (null when nobody has)
     * @param counsellorDivision the division of who answered
     */
    record ContactFacts(String callerKey, String division, String counsellor, String counsellorDivision) {

        /**
         * Where a risk case from this contact belongs: the county (or lower) of the line called; for a call to
         * a city-wide line (12356, the city's own number), the county of the counsellor who answered it, whose
         * supervisors are on duty for it.
         */
        public String caseDivision() {
            if (division.length() < 6 && counsellorDivision != null && counsellorDivision.startsWith(division)) {
                return counsellorDivision;
            }
            return division;
        }
    }
}

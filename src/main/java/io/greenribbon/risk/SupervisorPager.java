package io.greenribbon.risk;

import io.smallrye.mutiny.Uni;

/**
 * The telephone side of escalation: ringing a supervisor's phone about a case, and bringing a supervisor
 * into a counsellor's live call. Implemented over the PBX (AMI Originate); both complete when the PBX
 * has accepted the call, with its call id, and fail when the PBX is unreachable.
 */
public interface SupervisorPager {

    /** Rings {@code page.supervisorExtension()} with a recorded announcement of a case that needs them. */
    Uni<String> page(Page page);

    /** Rings the supervisor and, once answered, joins them to the counsellor's live call. */
    Uni<String> joinLiveCall(Join join);

    /**
     * @param supervisor          the supervisor's username
     * @param supervisorExtension the supervisor's phone extension (the {@code extension} claim)
     * @param caseId              the case, for the announcement and the call's variables
     * @param level               the case's level
     * @param division            the division the supervisor is on duty for: its city's PBX rings the phone
     */
    record Page(String supervisor, String supervisorExtension, long caseId, RiskLevel level, String division) {
    }

    /**
     * @param supervisorExtension the supervisor's phone extension
     * @param counsellorExtension the extension of the counsellor on the live call
     * @param mode                whether the supervisor speaks to the counsellor only, or to both parties
     * @param caseId              the case
     * @param division            the counsellor's division: its city's PBX carries the live call
     */
    record Join(String supervisorExtension, String counsellorExtension, JoinMode mode, long caseId, String division) {
    }

    enum JoinMode {
        /** The supervisor hears both and is heard by nobody. */
        LISTEN,
        /** The supervisor hears both and speaks to the counsellor only (coaching). */
        WHISPER,
        /** The supervisor hears and speaks to both parties. */
        BARGE
    }
}

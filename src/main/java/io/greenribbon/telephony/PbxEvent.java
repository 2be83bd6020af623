package io.greenribbon.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What happened in the PBX, translated from Asterisk's AMI events into the terms the service reasons in.
 * Delivered in Asterisk's order to {@link PbxEventListener}s on one thread.
 *
 * <p>{@link #timestamp()} is Asterisk's own {@code Timestamp} (when Asterisk generated the event), not the
 * time the service received it; for the link events it is the service's clock.
 */
public sealed interface PbxEvent {

    Instant timestamp();

    /**
     * An event about one call. {@link #uniqueId()} is the caller's channel (the one the FastAGI session saw
     * as {@link CallSession#uniqueId()}); {@link #linkedId()} is the oldest channel of the call, the same on
     * every leg.
     */
    sealed interface CallEvent extends PbxEvent {
        String uniqueId();

        String linkedId();
    }

    /** An event about one queue member (a counsellor's phone in one queue). */
    sealed interface MemberEvent extends PbxEvent {
        String queue();

        /** The member's interface, e.g. {@code PJSIP/counselor1}. */
        String memberInterface();

        /** The member name given at QueueAdd: the account's username. */
        String memberName();
    }

    /** A caller entered a queue (QueueCallerJoin); {@code count} callers wait there now. */
    record CallerJoinedQueue(Instant timestamp, String uniqueId, String linkedId, String channel, String queue,
                             int position, int count) implements CallEvent {
    }

    /** A caller left a queue, answered, timed out or hung up (QueueCallerLeave). */
    record CallerLeftQueue(Instant timestamp, String uniqueId, String linkedId, String queue, int position,
                           int count) implements CallEvent {
    }

    /** The caller hung up while waiting in a queue (QueueCallerAbandon). */
    record CallerAbandoned(Instant timestamp, String uniqueId, String linkedId, String queue, int position,
                           int originalPosition, Duration holdTime) implements CallEvent {
    }

    /** A member's phone rings for this caller (AgentCalled). */
    record MemberRinging(Instant timestamp, String uniqueId, String linkedId, String queue, String memberInterface,
                         String memberName, String memberChannel, String memberUniqueId)
            implements CallEvent, MemberEvent {
    }

    /** A member answered this caller (AgentConnect). */
    record MemberConnected(Instant timestamp, String uniqueId, String linkedId, String queue, String memberInterface,
                           String memberName, String memberChannel, String memberUniqueId, Duration holdTime,
                           Duration ringTime) implements CallEvent, MemberEvent {
    }

    /** Who ended a queue conversation, as app_queue reports it. */
    enum CompletionReason {
        CALLER, AGENT, TRANSFER;

        static CompletionReason of(String asterisk) {
            return switch (asterisk == null ? "" : asterisk) {
                case "agent" -> AGENT;
                case "transfer" -> TRANSFER;
                default -> CALLER;
            };
        }
    }

    /**
     * A queue conversation ended (AgentComplete). After a Redirect it comes only when the caller finally
     * hangs up, and its talk time then includes what followed the redirect.
     */
    record MemberCompleted(Instant timestamp, String uniqueId, String linkedId, String queue, String memberInterface,
                           String memberName, String memberChannel, Duration holdTime, Duration talkTime,
                           CompletionReason reason) implements CallEvent, MemberEvent {
    }

    /**
     * A member was rung and did not answer, or was busy (AgentRingNoAnswer; {@code ringTime} is zero for a
     * busy phone). With {@code autopause} Asterisk pauses the member next ({@link MemberPauseChanged} with
     * reason {@code Auto-Pause}).
     */
    record MemberRingNoAnswer(Instant timestamp, String uniqueId, String linkedId, String queue,
                              String memberInterface, String memberName, String memberChannel, Duration ringTime)
            implements CallEvent, MemberEvent {
    }

    /** A member was paused or unpaused (QueueMemberPause); {@code reason} is empty when unpaused. */
    record MemberPauseChanged(Instant timestamp, String queue, String memberInterface, String memberName,
                              boolean paused, String reason) implements MemberEvent {
    }

    /** A member's device state changed (QueueMemberStatus). */
    record MemberStatusChanged(Instant timestamp, String queue, String memberInterface, String memberName,
                               MemberStatus status, boolean inCall, boolean paused, String pausedReason)
            implements MemberEvent {
    }

    /** A member was added to a queue (QueueMemberAdded). */
    record MemberAdded(Instant timestamp, String queue, String memberInterface, String memberName, int penalty,
                       boolean paused, String pausedReason) implements MemberEvent {
    }

    /** A member was removed from a queue (QueueMemberRemoved). */
    record MemberRemoved(Instant timestamp, String queue, String memberInterface, String memberName)
            implements MemberEvent {
    }

    /**
     * The dialplan's own Dial() started ringing a destination for this caller (the preferred counsellor,
     * the provincial backup number, a supervisor after a transfer). Queue legs are reported as
     * {@link MemberRinging} instead, and an Originate's leg as {@link OriginateResult}.
     */
    record DialStarted(Instant timestamp, String uniqueId, String linkedId, String destChannel,
                       String destUniqueId, String dialString) implements CallEvent {
    }

    /** The outcome of a {@link DialStarted}: {@code ANSWER}, {@code BUSY}, {@code NOANSWER}, {@code CANCEL}, ... */
    record DialResult(Instant timestamp, String uniqueId, String linkedId, String destChannel,
                      String destUniqueId, String dialStatus) implements CallEvent {
        public boolean answered() {
            return "ANSWER".equals(dialStatus);
        }
    }

    /**
     * A blind transfer moved the caller (the transferee, {@link #uniqueId()}) to {@code context},
     * {@code extension}. A Redirect the service sent itself produces no event.
     */
    record CallTransferred(Instant timestamp, String uniqueId, String linkedId, String transfererChannel,
                           String transfererUniqueId, String context, String extension, boolean success)
            implements CallEvent {
    }

    /** A channel is gone (Hangup), a caller's or a leg's; {@code cause} is the Q.850 cause code. */
    record ChannelHungUp(Instant timestamp, String uniqueId, String linkedId, String channel, int cause,
                         String causeText) implements CallEvent {
    }

    /**
     * Asterisk wrote a call detail record (one per bridged segment of the caller's channel).
     * {@code uniqueId} is the caller's channel. The same rows reach table {@code asterisk_cdr} through
     * cdr_pgsql even while the service is down, but not while the database is: cdr_pgsql keeps no backlog.
     * {@code destinationContext} is the dialplan context the record ended in, {@code userField} the
     * dialplan's CDR(userfield) (the hotline line).
     */
    record CdrRecorded(Instant timestamp, String uniqueId, String source, String destination, String channel,
                       String destinationChannel, String lastApplication, String lastData, Instant start,
                       Optional<Instant> answer, Instant end, Duration duration, Duration billable,
                       String disposition, String destinationContext, String userField) implements PbxEvent {
    }

    /**
     * The outcome of an {@link Pbx#originate} request, correlated by the id {@code originate} returned.
     * {@code reason} is Asterisk's: 4 answered, 3 ring timeout, 5 busy, 8 congestion, 0 failed (no such or
     * unreachable endpoint, busy, transport timeout). {@code context} is the dialplan context the request
     * named (what the call was for); {@code uniqueId} is the originated channel, when one was created.
     */
    record OriginateResult(Instant timestamp, String correlationId, boolean success, int reason, String channel,
                           String context, Optional<String> uniqueId) implements PbxEvent {

        /** Why the call did not connect; empty when it did. */
        public Optional<OriginateFailure> failure() {
            return success ? Optional.empty() : Optional.of(OriginateFailure.of(reason));
        }
    }

    /**
     * Why an originated call did not connect, from OriginateResponse's Reason (the last control frame):
     * Asterisk 22 sends 0 for a phone that is not registered, is unreachable or is busy (486), 3 when it
     * rang until the timeout.
     */
    enum OriginateFailure {
        NOT_REACHED, HUNG_UP, NO_ANSWER, BUSY, CONGESTION, OTHER;

        static OriginateFailure of(int reason) {
            return switch (reason) {
                case 0 -> NOT_REACHED;
                case 1 -> HUNG_UP;
                case 3 -> NO_ANSWER;
                case 5 -> BUSY;
                case 8 -> CONGESTION;
                default -> OTHER;
            };
        }

        /** The phone was there but nobody took the call. */
        public boolean unanswered() {
            return this == NO_ANSWER || this == BUSY;
        }

        /** For a timeline or a log: not-reached, hung-up, no-answer, busy, congestion, other. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The AMI link is up: first connect or a reconnect. {@code pbxRestarted} is true when Asterisk itself
     * restarted meanwhile (every call it carried is gone). Listeners resynchronise from
     * {@link Pbx#queueStatus()} and {@link Pbx#activeChannels()} now.
     */
    record PbxLinkUp(Instant timestamp, boolean reconnect, boolean pbxRestarted) implements PbxEvent {
    }

    /** The AMI link is down; Asterisk-Java keeps reconnecting. Calls may go on in Asterisk meanwhile. */
    record PbxLinkDown(Instant timestamp) implements PbxEvent {
    }
}

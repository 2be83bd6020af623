package io.greenribbon.telephony;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commands to the PBX over AMI. Every method returns at once; the {@link Uni} runs the blocking
 * Asterisk-Java call on a dedicated worker pool with a timeout, and completes on that pool (never on a
 * Vert.x event loop thread). While the AMI link is down every command fails at once with a
 * {@link io.greenribbon.problem.ProblemException} of type {@code pbx-unavailable} (HTTP 503), as does one
 * that times out. A command Asterisk answers with an error fails with {@link PbxCommandRejected}.
 */
public interface Pbx {

    /** Whether the AMI link is up and logged in. */
    boolean linkUp();

    /**
     * The PBX this link serves ({@code greenribbon.telephony.pbx-id}): its systemname, the prefix of its
     * Uniqueids, and the {@code pbx_id} of its contacts and CDRs.
     */
    String id();

    /**
     * The PBX's clock now (AMI Ping's {@code Timestamp}): the clock of every {@link PbxEvent}'s timestamp,
     * of Uniqueids and of CDRs. What the service compares with those times must come from here, not from
     * its own clock.
     */
    Uni<Instant> currentTime();

    /**
     * Adds a member to a queue. Idempotent: a member already in the queue is left as it is (use
     * {@link #queuePause} to change its pause state).
     *
     * @param memberInterface e.g. {@code PJSIP/counselor1}; also the state interface
     * @param memberName      the account's username (no personal names in the PBX)
     */
    Uni<Void> queueAdd(String queue, String memberInterface, String memberName, int penalty, boolean paused);

    /** Removes a member from a queue. Idempotent: a member not in the queue is fine. */
    Uni<Void> queueRemove(String queue, String memberInterface);

    /**
     * Pauses or unpauses a member, in one queue or (queue empty) in every queue it is in. The reason shows
     * in QueueStatus and the {@link PbxEvent.MemberPauseChanged} events.
     */
    Uni<Void> queuePause(String memberInterface, Optional<String> queue, boolean paused, String reason);

    /** Changes a member's penalty in one queue. */
    Uni<Void> queuePenalty(String memberInterface, String queue, int penalty);

    /** Every queue with its members and waiting callers (QueueStatus). */
    Uni<List<QueueState>> queueStatus();

    /** Every channel that exists in the PBX now (CoreShowChannels), to resynchronise calls in progress. */
    Uni<List<ActiveChannel>> activeChannels();

    /**
     * Places an outbound call (callbacks): rings {@code request.channel()} and, once answered, runs the
     * dialplan at {@code context,exten,priority}. Completes when Asterisk has queued the call, with the
     * correlation id; the outcome arrives later as {@link PbxEvent.OriginateResult} with that id, and the
     * originated channel's Uniqueid (hence every later event's) is that id as well.
     */
    default Uni<String> originate(OriginateRequest request) {
        return originate(request, "gr-" + java.util.UUID.randomUUID());
    }

    /** {@link #originate(OriginateRequest)} with the correlation id given (a command another deployment asked for). */
    Uni<String> originate(OriginateRequest request, String correlationId);

    /** Moves a channel to {@code context,exten,priority} (it leaves its bridge; the other side is hung up). */
    Uni<Void> redirect(String channel, String context, String exten, int priority);

    /** Blind-transfers the party bridged with {@code transfererChannel} to {@code context,exten}. */
    Uni<Void> blindTransfer(String transfererChannel, String context, String exten);

    /** Sets a global dialplan variable (e.g. {@code HOTLINE_BACKUP_NUMBER}). */
    Uni<Void> setGlobalVariable(String name, String value);

    /** An outbound call to place with {@link #originate}. */
    record OriginateRequest(String channel, String context, String exten, int priority, String callerIdName,
                            String callerIdNumber, Duration timeout, Map<String, String> variables) {
        public OriginateRequest {
            variables = Map.copyOf(variables);
        }
    }

    /** One queue as QueueStatus shows it. */
    record QueueState(String name, String strategy, int calls, int completed, int abandoned, Duration holdTime,
                      Duration talkTime, List<QueueMemberState> members, List<WaitingCaller> callers) {
        public QueueState {
            members = List.copyOf(members);
            callers = List.copyOf(callers);
        }
    }

    /** One member of one queue. {@code lastCall} is empty when it never took a call. */
    record QueueMemberState(String queue, String memberInterface, String memberName, int penalty,
                            boolean paused, String pausedReason, boolean inCall, MemberStatus status,
                            int callsTaken, Optional<Instant> lastCall) {
    }

    /** A caller waiting in a queue; {@code priority} is the QUEUE_PRIO it joined with. */
    record WaitingCaller(String queue, String uniqueId, String channel, int position, int priority,
                         Duration waiting, String callerNumber) {
    }

    /** A channel that exists in the PBX. {@code bridgeId} is empty when not bridged. */
    record ActiveChannel(String channel, String uniqueId, String linkedId, String context, String exten,
                         int priority, String state, String application, String applicationData,
                         String callerNumber, String connectedLineNumber, Duration duration, String bridgeId) {
    }
}

package io.greenribbon.telephony.ami;

import io.greenribbon.telephony.MemberStatus;
import io.greenribbon.telephony.PbxEvent;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Asterisk-Java's AMI events into {@link PbxEvent}s. Used on the one dispatcher thread: it
 * remembers which callers wait in a queue and which legs app_queue rings (AgentCalled comes before their
 * DialBegin), so that app_queue's own Dial events are not reported as the dialplan's Dial, also for a
 * caller that joined its queue while the link was down.
 */
final class PbxEventTranslator {

    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId cdrZone;
    private final Set<String> queued = new HashSet<>();
    private final Set<String> queueLegs = new HashSet<>();

    PbxEventTranslator(ZoneId cdrZone) {
        this.cdrZone = cdrZone;
    }

    Optional<PbxEvent> translate(ManagerEvent e) {
        Instant at = timestamp(e);
        if (e instanceof QueueCallerJoinEvent j) {
            queued.add(j.getUniqueId());
            return Optional.of(new PbxEvent.CallerJoinedQueue(at, j.getUniqueId(), j.getLinkedId(), j.getChannel(),
                    j.getQueue(), number(j.getPosition()), number(j.getCount())));
        }
        if (e instanceof QueueCallerLeaveEvent l) {
            queued.remove(l.getUniqueId());
            return Optional.of(new PbxEvent.CallerLeftQueue(at, l.getUniqueId(), l.getLinkedId(), l.getQueue(),
                    number(l.getPosition()), number(l.getCount())));
        }
        if (e instanceof QueueCallerAbandonEvent a) {
            return Optional.of(new PbxEvent.CallerAbandoned(at, a.getUniqueId(), a.getLinkedId(), a.getQueue(),
                    number(a.getPosition()), number(a.getOriginalPosition()), seconds(a.getHoldTime())));
        }
        if (e instanceof AgentCalledEvent c) {
            if (c.getDestUniqueId() != null) {
                queueLegs.add(c.getDestUniqueId());
            }
            return Optional.of(new PbxEvent.MemberRinging(at, c.getUniqueId(), c.getLinkedId(), c.getQueue(),
                    c.getInterface(), c.getMemberName(), c.getDestChannel(), c.getDestUniqueId()));
        }
        if (e instanceof AgentConnectEvent c) {
            return Optional.of(new PbxEvent.MemberConnected(at, c.getUniqueId(), c.getLinkedId(), c.getQueue(),
                    c.getInterface(), c.getMemberName(), c.getDestChannel(), c.getDestUniqueId(),
                    seconds(c.getHoldTime()), seconds(c.getRingtime())));
        }
        if (e instanceof AgentCompleteEvent c) {
            return Optional.of(new PbxEvent.MemberCompleted(at, c.getUniqueId(), c.getLinkedId(), c.getQueue(),
                    c.getInterface(), c.getMemberName(), c.getDestChannel(), seconds(c.getHoldTime()),
                    seconds(c.getTalkTime()), reason(c.getReason())));
        }
        if (e instanceof AgentRingNoAnswerEvent r) {
            return Optional.of(new PbxEvent.MemberRingNoAnswer(at, r.getUniqueId(), r.getLinkedId(), r.getQueue(),
                    r.getInterface(), r.getMemberName(), r.getDestChannel(),
                    Duration.ofMillis(r.getRingtime() == null ? 0 : r.getRingtime())));
        }
        if (e instanceof QueueMemberPauseEvent p) {
            return Optional.of(new PbxEvent.MemberPauseChanged(at, p.getQueue(), p.getInterface(), p.getMemberName(),
                    Boolean.TRUE.equals(p.getPaused()), firstNonBlank(p.getPausedreason(), p.getPausedReason())));
        }
        if (e instanceof QueueMemberStatusEvent s) {
            return Optional.of(new PbxEvent.MemberStatusChanged(at, s.getQueue(), s.getInterface(), s.getMemberName(),
                    MemberStatus.of(number(s.getStatus())), Integer.valueOf(1).equals(s.getIncall()), Boolean.TRUE.equals(s.getPaused()),
                    blank(s.getPausedreason())));
        }
        if (e instanceof QueueMemberAddedEvent a) {
            return Optional.of(new PbxEvent.MemberAdded(at, a.getQueue(), a.getInterface(), a.getMemberName(),
                    number(a.getPenalty()), Boolean.TRUE.equals(a.getPaused()), blank(a.getPausedReason())));
        }
        if (e instanceof QueueMemberRemovedEvent r) {
            return Optional.of(new PbxEvent.MemberRemoved(at, r.getQueue(), r.getInterface(), r.getMemberName()));
        }
        if (e instanceof DialBeginEvent d) {
            if (d.getUniqueId() == null || queueDial(d.getUniqueId(), d.getDestUniqueId())) {
                return Optional.empty();
            }
            return Optional.of(new PbxEvent.DialStarted(at, d.getUniqueId(), d.getLinkedId(), d.getDestChannel(),
                    d.getDestUniqueId(), blank(d.getDialString())));
        }
        if (e instanceof DialEndEvent d) {
            if (d.getUniqueId() == null || queueDial(d.getUniqueId(), d.getDestUniqueId())) {
                return Optional.empty();
            }
            return Optional.of(new PbxEvent.DialResult(at, d.getUniqueId(), d.getLinkedId(), d.getDestChannel(),
                    d.getDestUniqueId(), blank(d.getDialStatus())));
        }
        if (e instanceof BlindTransferEvent t) {
            return Optional.of(new PbxEvent.CallTransferred(at, t.getTransfereeUniqueId(), t.getTransfereeLinkedId(),
                    t.getTransfererChannel(), t.getTransfererUniqueId(), t.getContext(), t.getExtension(),
                    "Success".equalsIgnoreCase(t.getResult())));
        }
        if (e instanceof HangupEvent h) {
            queued.remove(h.getUniqueId());
            queueLegs.remove(h.getUniqueId());
            return Optional.of(new PbxEvent.ChannelHungUp(at, h.getUniqueId(), h.getLinkedId(), h.getChannel(),
                    number(h.getCause()), blank(h.getCauseTxt())));
        }
        if (e instanceof CdrEvent c) {
            return Optional.of(cdr(at, c));
        }
        if (e instanceof OriginateResponseEvent o) {
            String uniqueId = o.getUniqueId();
            return Optional.of(new PbxEvent.OriginateResult(at, o.getActionId(), "Success".equalsIgnoreCase(o.getResponse()),
                    number(o.getReason()), o.getChannel(), blank(o.getContext()),
                    uniqueId == null || uniqueId.isBlank() || uniqueId.equals("<unknown>") ? Optional.empty()
                            : Optional.of(uniqueId)));
        }
        return Optional.empty();
    }

    /** The link went down: what it remembered may be stale by the time it is back. */
    void forget() {
        queued.clear();
        queueLegs.clear();
    }

    private boolean queueDial(String uniqueId, String destUniqueId) {
        return queued.contains(uniqueId) || destUniqueId != null && queueLegs.contains(destUniqueId);
    }

    private PbxEvent.CdrRecorded cdr(Instant at, CdrEvent c) {
        return new PbxEvent.CdrRecorded(at, c.getUniqueId(), blank(c.getSrc()), blank(c.getDestination()),
                blank(c.getChannel()), blank(c.getDestinationChannel()), blank(c.getLastApplication()),
                blank(c.getLastData()), time(c.getStartTime()).orElse(at), time(c.getAnswerTime()),
                time(c.getEndTime()).orElse(at), seconds(c.getDuration()), seconds(c.getBillableSeconds()),
                blank(c.getDisposition()), blank(c.getDestinationContext()), blank(c.getUserField()));
    }

    private Optional<Instant> time(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.parse(text.strip(), CDR_TIME).atZone(cdrZone).toInstant());
    }

    static Instant timestamp(ManagerEvent e) {
        Double ts = e.getTimestamp();
        if (ts == null) {
            return e.getDateReceived() == null ? Instant.now() : e.getDateReceived().toInstant();
        }
        long micros = Math.round(ts * 1_000_000d);
        return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000);
    }

    private static PbxEvent.CompletionReason reason(String asterisk) {
        return switch (asterisk == null ? "" : asterisk) {
            case "agent" -> PbxEvent.CompletionReason.AGENT;
            case "transfer" -> PbxEvent.CompletionReason.TRANSFER;
            default -> PbxEvent.CompletionReason.CALLER;
        };
    }

    private static Duration seconds(Number n) {
        return Duration.ofSeconds(n == null ? 0 : n.longValue());
    }

    private static int number(Number n) {
        return n == null ? 0 : n.intValue();
    }

    /** Asterisk-Java fills one of two same-named properties of QueueMemberPauseEvent. */
    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : blank(b);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}

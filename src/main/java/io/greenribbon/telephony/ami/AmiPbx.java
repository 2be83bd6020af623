package io.greenribbon.telephony.ami;

import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.greenribbon.telephony.MemberStatus;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.PbxCommandRejected;
import io.greenribbon.telephony.TelephonyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueuePenaltyAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link Pbx} over the AMI link: each command runs the blocking Asterisk-Java call on a small dedicated
 * pool, with the configured timeout, and fails at once with pbx-unavailable (503) while the link is down.
 */
@ApplicationScoped
public class AmiPbx implements Pbx {

    private final AmiLink link;
    private final String pbxId;
    private final long timeoutMillis;
    private final ExecutorService commands;

    public AmiPbx(AmiLink link, TelephonyConfig config) {
        this.link = link;
        this.pbxId = config.pbxId();
        this.timeoutMillis = config.ami().actionTimeout().toMillis();
        AtomicInteger n = new AtomicInteger();
        this.commands = Executors.newFixedThreadPool(config.ami().commandThreads(), r -> {
            Thread t = new Thread(r, "pbx-command-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        commands.shutdownNow();
    }

    @Override
    public boolean linkUp() {
        return link.up();
    }

    @Override
    public String id() {
        return pbxId;
    }

    @Override
    public Uni<Instant> currentTime() {
        return call(() -> {
            ManagerResponse r = link.connection().sendAction(new PingAction(), timeoutMillis);
            String timestamp = r instanceof PingResponse ping ? ping.getTimestamp() : null;
            if (timestamp == null || timestamp.isBlank()) {
                // An Asterisk older than 1.8 answers Ping without its time: assume the clocks agree.
                return Instant.now();
            }
            return AmiRecords.instant(timestamp);
        });
    }

    @Override
    public Uni<Void> queueAdd(String queue, String memberInterface, String memberName, int penalty, boolean paused) {
        QueueAddAction a = new QueueAddAction(queue, memberInterface, penalty);
        a.setMemberName(memberName);
        a.setStateInterface(memberInterface);
        a.setPaused(paused);
        return send(a, "Unable to add interface: Already there");
    }

    @Override
    public Uni<Void> queueRemove(String queue, String memberInterface) {
        return send(new QueueRemoveAction(queue, memberInterface), "Unable to remove interface: Not there");
    }

    @Override
    public Uni<Void> queuePause(String memberInterface, Optional<String> queue, boolean paused, String reason) {
        QueuePauseAction a = new QueuePauseAction(memberInterface, queue.filter(q -> !q.isBlank()).orElse(null), paused);
        if (paused && reason != null && !reason.isBlank()) {
            a.setReason(reason);
        }
        return send(a, null);
    }

    @Override
    public Uni<Void> queuePenalty(String memberInterface, String queue, int penalty) {
        return send(new QueuePenaltyAction(memberInterface, penalty, queue), null);
    }

    @Override
    public Uni<List<QueueState>> queueStatus() {
        return call(() -> queues(events(new QueueStatusAction())));
    }

    @Override
    public Uni<List<ActiveChannel>> activeChannels() {
        return call(() -> {
            List<ActiveChannel> out = new ArrayList<>();
            for (ResponseEvent e : events(new CoreShowChannelsAction())) {
                if (e instanceof CoreShowChannelEvent c) {
                    out.add(AmiRecords.channel(c));
                }
            }
            return out;
        });
    }

    @Override
    public Uni<String> originate(OriginateRequest request, String id) {
        OriginateAction a = new OriginateAction();
        a.setChannel(request.channel());
        a.setContext(request.context());
        a.setExten(request.exten());
        a.setPriority(request.priority());
        a.setCallerId("\"" + request.callerIdName() + "\" <" + request.callerIdNumber() + ">");
        a.setTimeout(request.timeout().toMillis());
        a.setAsync(true);
        a.setActionId(id);
        a.setChannelId(id);
        if (!request.variables().isEmpty()) {
            a.setVariables(new LinkedHashMap<>(request.variables()));
        }
        return send(a, null).replaceWith(id);
    }

    @Override
    public Uni<Void> redirect(String channel, String context, String exten, int priority) {
        return send(new RedirectAction(channel, context, exten, priority), null);
    }

    @Override
    public Uni<Void> blindTransfer(String transfererChannel, String context, String exten) {
        return send(new BlindTransferAction(transfererChannel, context, exten), null);
    }

    @Override
    public Uni<Void> setGlobalVariable(String name, String value) {
        return send(new SetVarAction(name, value), null);
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    private Uni<Void> send(ManagerAction action, String acceptedError) {
        return call(() -> {
            ManagerResponse r = link.connection().sendAction(action, timeoutMillis);
            if (r instanceof ManagerError && (acceptedError == null || !acceptedError.equals(r.getMessage()))) {
                throw new PbxCommandRejected(action.getAction(), r.getMessage());
            }
            return null;
        }).replaceWithVoid();
    }

    private List<ResponseEvent> events(EventGeneratingAction action) throws Exception {
        ResponseEvents events = link.connection().sendEventGeneratingAction(action, timeoutMillis);
        ManagerResponse r = events.getResponse();
        if (r instanceof ManagerError) {
            throw new PbxCommandRejected(((ManagerAction) action).getAction(), r.getMessage());
        }
        return new ArrayList<>(events.getEvents());
    }

    private interface Blocking<T> {
        T run() throws Exception;
    }

    private <T> Uni<T> call(Blocking<T> work) {
        if (!link.up()) {
            return Uni.createFrom().failure(unavailable());
        }
        Supplier<T> supplier = () -> {
            try {
                return work.run();
            } catch (PbxCommandRejected e) {
                throw e;
            } catch (TimeoutException e) {
                throw timedOut();
            } catch (Exception e) {
                throw unavailable();
            }
        };
        return Uni.createFrom().item(supplier).runSubscriptionOn(commands)
                .ifNoItem().after(Duration.ofMillis(timeoutMillis + 500)).failWith(this::timedOut);
    }

    private ProblemException unavailable() {
        return new ProblemException(ProblemType.PBX_UNAVAILABLE, "problem.pbx-unavailable.detail")
                .with("pbx", link.target()).with("link", link.state().name().toLowerCase());
    }

    private ProblemException timedOut() {
        return new ProblemException(ProblemType.PBX_UNAVAILABLE, "problem.pbx-unavailable.timeout", timeoutMillis)
                .with("pbx", link.target());
    }

    private static List<QueueState> queues(List<ResponseEvent> events) {
        Map<String, QueueParamsEvent> params = new LinkedHashMap<>();
        Map<String, List<QueueMemberState>> members = new LinkedHashMap<>();
        Map<String, List<WaitingCaller>> callers = new LinkedHashMap<>();
        for (ResponseEvent e : events) {
            if (e instanceof QueueParamsEvent p) {
                params.put(p.getQueue(), p);
            } else if (e instanceof QueueMemberEvent m) {
                members.computeIfAbsent(m.getQueue(), k -> new ArrayList<>()).add(new QueueMemberState(m.getQueue(),
                        m.getLocation(), m.getName(), zero(m.getPenalty()), Boolean.TRUE.equals(m.getPaused()),
                        m.getPausedreason() == null ? "" : m.getPausedreason(), Integer.valueOf(1).equals(m.getIncall()),
                        MemberStatus.of(zero(m.getStatus())), zero(m.getCallsTaken()),
                        m.getLastCall() == null || m.getLastCall() == 0 ? Optional.empty()
                                : Optional.of(Instant.ofEpochSecond(m.getLastCall()))));
            } else if (e instanceof QueueEntryEvent q) {
                callers.computeIfAbsent(q.getQueue(), k -> new ArrayList<>()).add(AmiRecords.caller(q));
            }
        }
        List<QueueState> out = new ArrayList<>();
        params.forEach((name, p) -> out.add(new QueueState(name, p.getStrategy(), zero(p.getCalls()), zero(p.getCompleted()),
                zero(p.getAbandoned()), Duration.ofSeconds(zero(p.getHoldTime())), Duration.ofSeconds(zero(p.getTalkTime())),
                members.getOrDefault(name, List.of()), callers.getOrDefault(name, List.of()))));
        return out;
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }
}

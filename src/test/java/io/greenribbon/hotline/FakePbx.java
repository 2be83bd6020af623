package io.greenribbon.hotline;

import io.greenribbon.telephony.MemberStatus;
import io.greenribbon.telephony.Pbx;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory PBX for the hotline's SPI-level tests while the telephony adapter and its Asterisk peer are
 * not part of this branch: it keeps queue members as app_queue would and records every command. A default
 * bean, so the real adapter replaces it as soon as it exists.
 */
@DefaultBean
@Singleton
public class FakePbx implements Pbx {

    /** One member of one queue. */
    public record Member(String queue, String memberInterface, String name, boolean paused, String reason) {
    }

    private final Map<String, Member> members = new ConcurrentHashMap<>();
    public final List<String> commands = new CopyOnWriteArrayList<>();
    public final List<OriginateRequest> originates = new CopyOnWriteArrayList<>();
    public final List<ActiveChannel> channels = new CopyOnWriteArrayList<>();
    private volatile boolean up = true;

    public void linkUp(boolean up) {
        this.up = up;
    }

    public Optional<Member> member(String queue, String memberInterface) {
        return Optional.ofNullable(members.get(queue + "|" + memberInterface));
    }

    public List<Member> membersOf(String memberInterface) {
        return members.values().stream().filter(m -> m.memberInterface().equals(memberInterface)).toList();
    }

    /** Puts a member in a queue behind the service's back (a stray, or Asterisk's own Auto-Pause). */
    public void force(Member member) {
        members.put(member.queue() + "|" + member.memberInterface(), member);
    }

    public void reset() {
        members.clear();
        commands.clear();
        originates.clear();
        channels.clear();
        up = true;
    }

    @Override
    public boolean linkUp() {
        return up;
    }

    private <T> Uni<T> run(String command, java.util.function.Supplier<T> action) {
        return Uni.createFrom().emitter(emitter -> {
            if (!up) {
                emitter.fail(new io.greenribbon.problem.ProblemException(io.greenribbon.problem.ProblemType.PBX_UNAVAILABLE,
                        "problem.pbx-unavailable.detail"));
                return;
            }
            commands.add(command);
            emitter.complete(action.get());
        });
    }

    @Override
    public Uni<Void> queueAdd(String queue, String memberInterface, String memberName, int penalty, boolean paused) {
        return run("QueueAdd " + queue + " " + memberInterface + (paused ? " paused" : ""), () -> {
            members.putIfAbsent(queue + "|" + memberInterface, new Member(queue, memberInterface, memberName, paused, ""));
            return null;
        });
    }

    @Override
    public Uni<Void> queueRemove(String queue, String memberInterface) {
        return run("QueueRemove " + queue + " " + memberInterface, () -> {
            members.remove(queue + "|" + memberInterface);
            return null;
        });
    }

    @Override
    public Uni<Void> queuePause(String memberInterface, Optional<String> queue, boolean paused, String reason) {
        return run("QueuePause " + memberInterface + " " + queue.orElse("*") + " " + paused + " " + reason, () -> {
            members.replaceAll((key, m) -> m.memberInterface().equals(memberInterface)
                    && (queue.isEmpty() || queue.get().equals(m.queue()))
                    ? new Member(m.queue(), m.memberInterface(), m.name(), paused, paused ? reason : "") : m);
            return null;
        });
    }

    @Override
    public Uni<Void> queuePenalty(String memberInterface, String queue, int penalty) {
        return run("QueuePenalty " + memberInterface, () -> null);
    }

    @Override
    public Uni<List<QueueState>> queueStatus() {
        return run("QueueStatus", () -> {
            Map<String, List<QueueMemberState>> byQueue = new ConcurrentHashMap<>();
            members.values().forEach(m -> byQueue.computeIfAbsent(m.queue(), q -> new ArrayList<>())
                    .add(new QueueMemberState(m.queue(), m.memberInterface(), m.name(), 0, m.paused(), m.reason(),
                            false, MemberStatus.NOT_IN_USE, 0, Optional.empty())));
            List<QueueState> queues = new ArrayList<>();
            byQueue.forEach((name, list) -> queues.add(new QueueState(name, "leastrecent", 0, 0, 0, Duration.ZERO,
                    Duration.ZERO, list, List.of())));
            return Collections.unmodifiableList(queues);
        });
    }

    @Override
    public Uni<List<ActiveChannel>> activeChannels() {
        return run("CoreShowChannels", () -> List.copyOf(channels));
    }

    @Override
    public Uni<String> originate(OriginateRequest request) {
        return run("Originate " + request.channel(), () -> {
            originates.add(request);
            return "cb-" + UUID.randomUUID();
        });
    }

    @Override
    public Uni<Void> redirect(String channel, String context, String exten, int priority) {
        return run("Redirect " + channel, () -> null);
    }

    @Override
    public Uni<Void> blindTransfer(String transfererChannel, String context, String exten) {
        return run("BlindTransfer " + transfererChannel, () -> null);
    }

    @Override
    public Uni<Void> setGlobalVariable(String name, String value) {
        return run("Setvar " + name, () -> null);
    }
}

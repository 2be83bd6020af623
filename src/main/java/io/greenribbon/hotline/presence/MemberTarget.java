package io.greenribbon.hotline.presence;

import java.util.List;

/**
 * What Asterisk's queues should hold for one counsellor: its phone in {@code queues}, paused with
 * {@code reason} or not; no queue at all when offline ({@code queues} empty).
 */
public record MemberTarget(String username, String memberInterface, List<String> queues, boolean paused,
                           String reason) {

    public MemberTarget {
        queues = List.copyOf(queues);
        reason = reason == null ? "" : reason;
    }

    public boolean offline() {
        return queues.isEmpty();
    }

    /** The same target in those of its queues that {@code kept} keeps (a PBX's share of it). */
    public MemberTarget within(java.util.function.Predicate<String> kept) {
        return new MemberTarget(username, memberInterface, queues.stream().filter(kept).toList(), paused, reason);
    }
}

package io.greenribbon.hotline.presence;

import io.greenribbon.hotline.HotlineConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Works out the queue membership a presence stands for. */
@ApplicationScoped
public class MemberTargets {

    private final HotlineConfig config;

    public MemberTargets(HotlineConfig config) {
        this.config = config;
    }

    public MemberTarget of(Presence presence) {
        String iface = memberInterface(presence.extension);
        if (presence.state == PresenceState.OFFLINE || presence.queueDivision == null) {
            return new MemberTarget(presence.username, iface, List.of(), false, "");
        }
        return new MemberTarget(presence.username, iface, queuesOf(presence.queueDivision),
                presence.state != PresenceState.AVAILABLE, pauseReason(presence));
    }

    /** The queues of a line's division: its own and the city's (one queue for a city line). */
    public List<String> queuesOf(String lineDivision) {
        String city = config.queuePrefix() + lineDivision.substring(0, 4);
        String own = config.queuePrefix() + lineDivision;
        return own.equals(city) ? List.of(city) : List.of(own, city);
    }

    /**
     * The city queue of a division (its first four digits): the queue every PBX of a province holds for its
     * own city only, so the PBX where that division's phones are registered. Empty above city level.
     */
    public java.util.Optional<String> cityQueue(String division) {
        return division == null || division.length() < 4 ? java.util.Optional.empty()
                : java.util.Optional.of(config.queuePrefix() + division.substring(0, 4));
    }

    public String memberInterface(String extension) {
        return config.phoneTechnology() + extension;
    }

    /** Whether a queue is one of the hotline's (the service owns every member in it). */
    public boolean isHotlineQueue(String queue) {
        return queue != null && queue.startsWith(config.queuePrefix());
    }

    /** The extension behind a member interface or a channel name ({@code PJSIP/counselor1-0000002a}). */
    public java.util.Optional<String> extensionOf(String interfaceOrChannel) {
        if (interfaceOrChannel == null || !interfaceOrChannel.startsWith(config.phoneTechnology())) {
            return java.util.Optional.empty();
        }
        String rest = interfaceOrChannel.substring(config.phoneTechnology().length());
        int dash = rest.lastIndexOf('-');
        if (dash > 0 && rest.substring(dash + 1).matches("[0-9a-f]{8}")) {
            rest = rest.substring(0, dash);
        }
        return rest.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rest);
    }

    private String pauseReason(Presence presence) {
        return switch (presence.state) {
            case PAUSED -> presence.pauseReason;
            case WRAP_UP -> config.wrapUpReason();
            default -> "";
        };
    }
}

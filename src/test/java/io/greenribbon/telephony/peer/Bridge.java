package io.greenribbon.telephony.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A two-party bridge of the peer (a basic bridge, as Dial and Queue create). Guarded by the PBX lock. */
final class Bridge {

    final String id = UUID.randomUUID().toString();
    String technology = "simple_bridge";
    final List<PeerChannel> channels = new ArrayList<>();

    void block(AmiMessage m) {
        m.add("BridgeUniqueid", id)
                .add("BridgeType", "basic")
                .add("BridgeTechnology", technology)
                .add("BridgeCreator", "<unknown>")
                .add("BridgeName", "<unknown>")
                .add("BridgeNumChannels", channels.size())
                .add("BridgeVideoSourceMode", "none");
    }

    PeerChannel peerOf(PeerChannel channel) {
        return channels.stream().filter(c -> c != channel).findFirst().orElse(null);
    }
}

package io.greenribbon.hotline.presence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.hotline.Blocking;
import io.greenribbon.telephony.pbx.PbxCommandHandler;
import io.greenribbon.telephony.pbx.PbxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Duration;
import java.util.List;

/**
 * A presence change for queues another PBX holds (a counsellor of city A changed through a replica of city
 * B's deployment, or a wrap-up ended there): the other PBX's deployment is told who changed, and places that
 * counsellor in its own queues from the database, where the change already is.
 */
@ApplicationScoped
public class PresenceRelay implements PbxCommandHandler {

    static final String KIND = "presence";

    /** Who to place again, and the queues of that PBX they leave. */
    record HandOver(String username, List<String> leaving) {
    }

    private final PbxRelay relay;
    private final ObjectMapper json;
    private final Instance<PresenceService> presence;

    public PresenceRelay(PbxRelay relay, ObjectMapper json, Instance<PresenceService> presence) {
        this.relay = relay;
        this.json = json;
        this.presence = presence;
    }

    /** Tells the deployment of {@code pbxId} to place {@code username} as the database has them now. */
    Uni<Void> handOver(String pbxId, String username, List<String> leaving) {
        try {
            return relay.send(pbxId, KIND, json.writeValueAsString(new HandOver(username, leaving)));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("A presence change cannot be written", e));
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void handle(String payload, Duration age) {
        HandOver handOver;
        try {
            handOver = json.readValue(payload, HandOver.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An unreadable presence change was dropped", e);
        }
        Blocking.await(() -> presence.get().placeHere(handOver.username(), handOver.leaving()));
    }
}

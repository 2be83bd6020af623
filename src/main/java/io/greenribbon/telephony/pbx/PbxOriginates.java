package io.greenribbon.telephony.pbx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.PbxEvent;
import io.greenribbon.telephony.TelephonyConfig;
import io.greenribbon.telephony.ami.PbxEventDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Outbound calls (callbacks, risk pages, a supervisor joining a call) on the PBX where the phone to ring is
 * registered: this deployment's own over its AMI link, another city's through that PBX's deployment
 * ({@link PbxRelay}). Either way the call's correlation id is known at once, and its outcome arrives as an
 * {@link PbxEvent.OriginateResult} on the deployment whose PBX placed it; a relayed call that could not be
 * placed (the PBX refused it, or its deployment took it too late) reports that failure the same way there.
 */
@ApplicationScoped
public class PbxOriginates implements PbxCommandHandler {

    private static final Logger LOG = Logger.getLogger(PbxOriginates.class);
    static final String KIND = "originate";
    /** A relayed call older than this is not placed: nobody expects their phone to ring that late. */
    static final Duration TOO_LATE = Duration.ofSeconds(30);

    /** What travels to the other deployment. */
    record Relayed(String correlationId, Pbx.OriginateRequest request) {
    }

    private final Pbx pbx;
    private final PbxRelay relay;
    private final PbxEventDispatcher dispatcher;
    private final ObjectMapper json;
    private final TelephonyConfig config;

    public PbxOriginates(Pbx pbx, PbxRelay relay, PbxEventDispatcher dispatcher, ObjectMapper json,
                         TelephonyConfig config) {
        this.pbx = pbx;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.json = json;
        this.config = config;
    }

    /** Places the call on PBX {@code pbxId}; completes with its correlation id once that PBX (or its deployment) has it. */
    public Uni<String> originate(String pbxId, Pbx.OriginateRequest request) {
        if (pbxId.equals(pbx.id())) {
            return pbx.originate(request);
        }
        String id = "gr-" + UUID.randomUUID();
        try {
            return relay.send(pbxId, KIND, json.writeValueAsString(new Relayed(id, request))).replaceWith(id);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("An originate cannot be written", e));
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void handle(String payload, Duration age) {
        Relayed relayed;
        try {
            relayed = json.readValue(payload, Relayed.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An unreadable originate for PBX " + pbx.id() + " was dropped", e);
        }
        if (age.compareTo(TOO_LATE) > 0) {
            failed(relayed, "taken " + age.toSeconds() + " s after it was asked for");
            return;
        }
        try {
            pbx.originate(relayed.request(), relayed.correlationId())
                    .await().atMost(config.ami().actionTimeout().plusSeconds(1));
        } catch (RuntimeException e) {
            failed(relayed, e.getMessage());
        }
    }

    /** The call was not placed: its requester learns it as from the PBX, an OriginateResult with reason 0. */
    private void failed(Relayed relayed, String why) {
        LOG.warnf("A call to %s asked for by another deployment was not placed on PBX %s: %s",
                relayed.request().channel(), pbx.id(), why);
        dispatcher.publish(new PbxEvent.OriginateResult(Instant.now(), relayed.correlationId(), false, 0,
                relayed.request().channel(), relayed.request().context(), Optional.empty()));
    }
}

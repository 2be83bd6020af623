package io.greenribbon.hotline.callbacks;

import io.greenribbon.telephony.PbxEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Follows callback attempts through the PBX's events: the counsellor's phone, then the caller. */
@ApplicationScoped
public class CallbackEvents {

    private final CallbackLedger ledger;

    public CallbackEvents(CallbackLedger ledger) {
        this.ledger = ledger;
    }

    public Uni<Void> originateResult(PbxEvent.OriginateResult e) {
        return settle(() -> ledger.originateResult(e.correlationId(), e.failure(), e.timestamp()),
                e.timestamp());
    }

    /** The counsellor's leg dialled the caller (its Uniqueid is the Originate's id). */
    public Uni<Void> dialResult(PbxEvent.DialResult e) {
        if ("CANCEL".equals(e.dialStatus())) {
            return Uni.createFrom().voidItem();
        }
        return settle(() -> ledger.calleeResult(e.uniqueId(), e.answered(), e.timestamp()), e.timestamp());
    }

    public Uni<Void> hungUp(PbxEvent.ChannelHungUp e) {
        return settle(() -> ledger.legEnded(e.uniqueId(), e.timestamp()), e.timestamp());
    }

    private Uni<Void> settle(java.util.function.Supplier<Uni<CallbackLedger.Settled>> step, Instant at) {
        return Panache.withTransaction(() -> step.get().call(s -> s.callbackId() == null
                ? Uni.createFrom().voidItem() : ledger.settle(s.callbackId(), s.outcome(), at))).replaceWithVoid();
    }
}

package io.greenribbon.hotline.callbacks;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.OnContext;
import io.greenribbon.hotline.presence.MemberTargets;
import io.greenribbon.hotline.routing.RoutingService;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.pbx.PbxDirectory;
import io.greenribbon.telephony.pbx.PbxOriginates;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Callers to call back, and calling them from the counsellor's own phone, on the PBX of the counsellor's city
 * (where the phone is registered), whichever deployment the request reached. The number is opened only
 * here, handed to Asterisk in the Originate (sealed on its way through another deployment), and never
 * returned to a client.
 */
@ApplicationScoped
public class CallbackService {

    private final CallbackRepository callbacks;
    private final CallbackLedger ledger;
    private final PbxOriginates originates;
    private final PbxDirectory directory;
    private final FieldCipher cipher;
    private final MemberTargets targets;
    private final AccessDecision access;
    private final HotlineConfig config;

    public CallbackService(CallbackRepository callbacks, CallbackLedger ledger, PbxOriginates originates,
                           PbxDirectory directory, FieldCipher cipher, MemberTargets targets, AccessDecision access,
                           HotlineConfig config) {
        this.callbacks = callbacks;
        this.ledger = ledger;
        this.originates = originates;
        this.directory = directory;
        this.cipher = cipher;
        this.targets = targets;
        this.access = access;
        this.config = config;
    }

    /** The callbacks of the account's jurisdiction, and of the contacts it took; open ones unless {@code all}. */
    public Uni<List<CallbackView>> list(boolean all) {
        Actor actor = access.actor();
        return Panache.withSession(() -> callbacks.views(access.jurisdiction(), actor.username(), all));
    }

    /** The callbacks of {@link #list}, each with its tries (for the console's callback list). */
    public Uni<Map<CallbackView, List<CallbackAttempt>>> listWithAttempts(boolean all) {
        Actor actor = access.actor();
        return Panache.withSession(() -> callbacks.views(access.jurisdiction(), actor.username(), all)
                .chain(views -> callbacks.attemptsOf(views.stream().map(CallbackView::id).toList()).map(attempts -> {
                    Map<CallbackView, List<CallbackAttempt>> byCallback = new java.util.LinkedHashMap<>();
                    views.forEach(v -> byCallback.put(v, attempts.stream().filter(a -> a.callbackId() == v.id()).toList()));
                    return byCallback;
                })));
    }

    /** Rings the counsellor's phone; when answered, the phone dials the caller. */
    public Uni<DialStarted> dial(long id) {
        Actor actor = access.actor();
        if (actor.extension() == null || actor.extension().isBlank()) {
            return Uni.createFrom().failure(ProblemException.conflict("hotline.presence.no-extension"));
        }
        Instant now = Instant.now();
        return Panache.withTransaction(() -> callbacks.lockForDial(id).map(found -> {
                    CallbackRepository.Dialable c = found.orElseThrow(() -> ProblemException.notFound("hotline.callback.not-found", id));
                    if (!access.governs(c.divisionCode()) && !actor.username().equals(c.counsellorUsername())) {
                        throw ProblemException.notFound("hotline.callback.not-found", id);
                    }
                    if (c.status() == CallbackStatus.REACHED) {
                        throw ProblemException.conflict("hotline.callback.reached", id);
                    }
                    if (c.status() == CallbackStatus.DIALLING && c.lastAttemptAt() != null
                            && c.lastAttemptAt().toInstant().isAfter(now.minus(dialGrace()))) {
                        throw ProblemException.conflict("hotline.callback.dialling", id);
                    }
                    return c;
                }).call(c -> callbacks.markDialling(id, now)))
                .chain(c -> originates.originate(phonesPbx(actor), request(c, actor)).plug(OnContext.resume())
                        .onFailure().call(failure -> Panache.withTransaction(() ->
                                ledger.settle(id, "FAILED", Instant.now()))))
                .chain(originateId -> Panache.withTransaction(() -> ledger.placed(originateId, id, actor.username())
                                .call(outcome -> ledger.settle(id, outcome, Instant.now())))
                        .replaceWith(new DialStarted(id, originateId, actor.extension())));
    }

    private Pbx.OriginateRequest request(CallbackRepository.Dialable c, Actor actor) {
        String number = cipher.open(c.callerNumberSealed(), RoutingService.CALLER_NUMBER_AD);
        return new Pbx.OriginateRequest(targets.memberInterface(actor.extension()), config.callbackContext(), number, 1,
                "Callback " + c.id(), c.lineId() == null ? "" : c.lineId(), config.callbackRingTimeout(),
                Map.of("HOTLINE_CALLBACK_ID", Long.toString(c.id()), "HOTLINE_CALL_ID", Long.toString(c.contactId()),
                        "HOTLINE_LINE", c.lineId() == null ? "" : c.lineId()));
    }

    /** The PBX the counsellor's phone is registered on: their city's. */
    private String phonesPbx(Actor actor) {
        return targets.cityQueue(actor.division()).map(directory::holderOf).orElse(directory.mine());
    }

    /** How long a callback counts as being dialled before another try may start. */
    private java.time.Duration dialGrace() {
        return config.callbackRingTimeout().plusSeconds(90);
    }
}

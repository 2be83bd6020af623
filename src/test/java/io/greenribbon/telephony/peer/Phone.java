package io.greenribbon.telephony.peer;

import java.time.Duration;

/**
 * A scripted phone (PJSIP endpoint) of the peer. Each behaviour call queues how the NEXT call to the phone
 * is taken; without a queued behaviour the phone answers after 2 s and talks until the other side hangs up.
 */
public final class Phone {

    private final AsteriskPeer peer;
    private final String endpoint;

    Phone(AsteriskPeer peer, String endpoint) {
        this.peer = peer;
        this.endpoint = endpoint;
    }

    /** Rings for {@code ring}, answers, and talks until the other side hangs up. */
    public Phone answersAfter(Duration ring) {
        return queue(Endpoint.Behaviour.answer(ring, null));
    }

    /** Rings for {@code ring}, answers, talks for {@code talk}, then hangs up itself. */
    public Phone answersAfter(Duration ring, Duration talk) {
        return queue(Endpoint.Behaviour.answer(ring, talk));
    }

    public Phone doesNotAnswer() {
        return queue(new Endpoint.Behaviour(Endpoint.Kind.NO_ANSWER, null, null));
    }

    public Phone isBusy() {
        return queue(new Endpoint.Behaviour(Endpoint.Kind.BUSY, null, null));
    }

    public Phone rejectsUnavailable() {
        return queue(new Endpoint.Behaviour(Endpoint.Kind.UNAVAILABLE, null, null));
    }

    /** Sends no SIP response at all (the transaction times out after 32 s). */
    public Phone doesNotRespond() {
        return queue(new Endpoint.Behaviour(Endpoint.Kind.NO_RESPONSE, null, null));
    }

    /** What the phone does when nothing is queued. */
    public Phone byDefault(Duration ring, Duration talk) {
        peer.withEndpoint(endpoint, e -> e.fallback = Endpoint.Behaviour.answer(ring, talk));
        return this;
    }

    /** Registers or unregisters the phone (device state NOT_INUSE or UNAVAILABLE). */
    public Phone registered(boolean registered) {
        peer.withEndpoint(endpoint, e -> e.hasContact = registered);
        return this;
    }

    /**
     * Whether the far end answers SIP OPTIONS (default yes). One that does not, behind an AOR with
     * {@code qualify_frequency} above 0, is Unreachable: every call to it fails at once (CHANUNAVAIL).
     */
    public Phone answersOptions(boolean answers) {
        peer.withEndpoint(endpoint, e -> {
            boolean before = e.reachable();
            e.answersOptions = answers;
            if (e.qualifyFrequency > 0 && before != e.reachable()) {
                peer.peerStatus(e);
            }
        });
        return this;
    }

    /** Forgets queued behaviours. */
    public Phone reset() {
        peer.withEndpoint(endpoint, e -> e.script.clear());
        return this;
    }

    private Phone queue(Endpoint.Behaviour b) {
        peer.withEndpoint(endpoint, e -> e.script.add(b));
        return this;
    }
}

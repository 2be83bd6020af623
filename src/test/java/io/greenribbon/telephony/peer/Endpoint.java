package io.greenribbon.telephony.peer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A PJSIP endpoint of the peer: a phone (or the trunk) and how it behaves when the PBX calls it. Tests
 * queue up how the next calls are taken ({@link #script}); without a script, the default applies.
 */
final class Endpoint {

    /** How the phone takes one call. */
    enum Kind {
        /** Rings, then answers; talks until {@code talk} ends (then hangs up) or the other side hangs up. */
        ANSWER,
        /** Rings and never answers (180, then CANCEL by the PBX). */
        NO_ANSWER,
        /** Answers 486 Busy Here at once. */
        BUSY,
        /** Answers 480 Temporarily Unavailable at once (congestion). */
        UNAVAILABLE,
        /** Sends nothing at all: the SIP transaction times out after 32 s. */
        NO_RESPONSE
    }

    /** One call's behaviour. {@code talk} null: the phone never hangs up by itself. */
    record Behaviour(Kind kind, Duration ring, Duration talk) {
        static Behaviour answer(Duration ring, Duration talk) {
            return new Behaviour(Kind.ANSWER, ring, talk);
        }
    }

    final String name;
    final String context;
    final String language;
    /** Whether the endpoint has a contact to send calls to: a static one, or a phone that registered. */
    boolean hasContact;
    /** The AOR's qualify_frequency (seconds; 0: the contact is never qualified with SIP OPTIONS). */
    final int qualifyFrequency;
    /** Whether the far end answers SIP OPTIONS (many carriers never do). */
    boolean answersOptions = true;
    /** pjsip.conf's device_state_busy_at: with this many channels the device is BUSY (0: never). */
    final int busyAt;
    final Deque<Behaviour> script = new ArrayDeque<>();
    Behaviour fallback = Behaviour.answer(Duration.ofSeconds(2), null);
    int calls;
    int ringing;
    String lastState = "";

    Endpoint(String name, String context, String language, int busyAt, boolean hasContact, int qualifyFrequency) {
        this.name = name;
        this.context = context;
        this.language = language;
        this.busyAt = busyAt;
        this.hasContact = hasContact;
        this.qualifyFrequency = qualifyFrequency;
    }

    /**
     * Whether calls can be sent to the endpoint. A contact that is qualified and gets no answer to its
     * OPTIONS is Unavailable in res_pjsip, and chan_pjsip then cannot create a dialog to the endpoint at all
     * ("Could not create dialog to invalid URI"); a contact that is not qualified is always tried.
     */
    boolean reachable() {
        return hasContact && (qualifyFrequency == 0 || answersOptions);
    }

    Behaviour next() {
        Behaviour b = script.poll();
        return b != null ? b : fallback;
    }

    /**
     * The device state Asterisk reports for {@code PJSIP/<name>}. With device_state_busy_at, chan_pjsip
     * reports BUSY once the phone has that many channels, ringing ones included (transcript 10c: a ringing
     * member is status 3, never 6).
     */
    String deviceState() {
        if (busyAt > 0 && calls + ringing == busyAt) {
            return "BUSY";
        }
        if (calls > 0) {
            return ringing > 0 ? "RINGINUSE" : "INUSE";
        }
        if (ringing > 0) {
            return "RINGING";
        }
        return reachable() ? "NOT_INUSE" : "UNAVAILABLE";
    }

    /** The same as app_queue's member status code. */
    int statusCode() {
        return switch (deviceState()) {
            case "NOT_INUSE" -> 1;
            case "INUSE" -> 2;
            case "BUSY" -> 3;
            case "UNAVAILABLE" -> 5;
            case "RINGING" -> 6;
            case "RINGINUSE" -> 7;
            default -> 0;
        };
    }
}

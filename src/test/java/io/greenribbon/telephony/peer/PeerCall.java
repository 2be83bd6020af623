package io.greenribbon.telephony.peer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A simulated call in progress: the scripted caller behind an inbound channel. */
public final class PeerCall {

    private final PbxCore core;
    private final CallScript script;
    private final Deque<Character> promptKeys;
    private final CountDownLatch ended = new CountDownLatch(1);
    private PeerChannel channel;
    private boolean readHangupScheduled;
    private boolean queueHangupScheduled;
    private volatile int reads;
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<String> identities = new CopyOnWriteArrayList<>();

    PeerCall(PbxCore core, CallScript script) {
        this.core = core;
        this.script = script;
        this.promptKeys = new ArrayDeque<>(script.promptKeys);
    }

    /** Creates the inbound channel (lock held) and starts its dialplan. */
    void start(Endpoint trunk) {
        PeerChannel c = core.newChannel("PJSIP", trunk.name, null, null);
        c.state = PeerChannel.RING;
        c.context = trunk.context;
        c.exten = script.to;
        c.callerNum = script.from;
        c.callerName = script.callerName;
        c.dnid = script.to;
        c.rdnis = script.redirecting;
        c.call = this;
        this.channel = c;
        core.channelEvent("Newchannel", c, "call");
        c.language = trunk.language;
        core.setVariable(c, "SIPDOMAIN", "127.0.0.1");
        core.cdr.begin(c);
        core.processedCalls++;
        if (script.hangUpAfter != null) {
            core.schedule(script.hangUpAfter, this::hangUpNow);
        }
        for (CallScript.TimedKey k : script.timedKeys) {
            scheduleAfterAnswer(k);
        }
        DialplanRunner.start(core, c);
    }

    private void scheduleAfterAnswer(CallScript.TimedKey key) {
        core.startThread(() -> {
            core.lock.lock();
            try {
                core.awaitUntil(0, () -> channel.up() || channel.gone);
                if (!channel.gone) {
                    core.schedule(key.afterAnswer(), () -> press(key.digit(), key.sipInfo()));
                }
            } catch (PbxCore.Stopped stopped) {
                // Asterisk stopped.
            } finally {
                core.lock.unlock();
            }
        });
    }

    /** A reading command started on the channel (lock held). */
    void reading(PbxCore core, PeerChannel c) {
        reads++;
        if (!promptKeys.isEmpty()) {
            char key = promptKeys.poll();
            core.schedule(script.keyDelay, () -> press(key, false));
        }
        if (script.hangUpWhileReading != null && !readHangupScheduled) {
            readHangupScheduled = true;
            core.schedule(script.hangUpWhileReading, this::hangUpNow);
        }
    }

    void agiStarted() {
        if (script.hangUpAfterAgiStart != null) {
            core.schedule(script.hangUpAfterAgiStart, this::hangUpNow);
        }
    }

    void queued() {
        if (script.waitsInQueueFor != null && !queueHangupScheduled) {
            queueHangupScheduled = true;
            core.schedule(script.waitsInQueueFor, () -> {
                if (channel.bridge == null) {
                    hangUpNow();
                }
            });
        }
    }

    void bridged() {
        if (script.talksFor != null) {
            core.schedule(script.talksFor, this::hangUpNow);
        }
    }

    /** A key as the caller's phone sends it: RFC 4733 (DTMFBegin, then DTMFEnd) or SIP INFO (DTMFEnd). Lock held. */
    void press(char digit, boolean sipInfo) {
        if (channel.gone || channel.hangupRequested) {
            return;
        }
        if (!sipInfo) {
            AmiMessage begin = AmiMessage.event("DTMFBegin");
            channel.block(begin, "");
            core.emit(begin.add("Digit", digit).add("Direction", "Received"), "dtmf");
            core.schedule(Duration.ofMillis(140), () -> end(digit, 280));
        } else {
            end(digit, 160);
        }
    }

    private void end(char digit, int durationMs) {
        if (channel.gone) {
            return;
        }
        AmiMessage end = AmiMessage.event("DTMFEnd");
        channel.block(end, "");
        core.emit(end.add("Digit", digit).add("DurationMs", durationMs).add("Direction", "Received"), "dtmf");
        if (channel.reading) {
            channel.dtmf.add(new PeerChannel.Dtmf(digit, false, durationMs));
            core.changed();
        }
    }

    /** The caller hangs up (BYE). Lock held. */
    void hangUpNow() {
        if (channel.gone || channel.hangupRequested) {
            return;
        }
        boolean inDial = channel.bridge != null && "Dial".equals(channel.app);
        channel.hangupCause = channel.bridge != null ? 16 : 0;
        core.requestHangup(channel, inDial ? 16 : null, null);
    }

    void channelGone() {
        ended.countDown();
        Runnable hook = onEnd;
        if (hook != null) {
            hook.run();
        }
    }

    private volatile Runnable onEnd;

    /** Runs {@code hook} when the call ends (on a PBX thread; keep it short). */
    public void onEnd(Runnable hook) {
        this.onEnd = hook;
        if (isOver()) {
            hook.run();
        }
    }

    // ---- for tests -------------------------------------------------------------------------------------

    public String uniqueId() {
        return channel.uniqueId;
    }

    public String channelName() {
        return channel.name;
    }

    /** Hangs up now (from a test). */
    public void hangUp() {
        core.lock.lock();
        try {
            hangUpNow();
        } finally {
            core.lock.unlock();
        }
    }

    /** Presses a key now (from a test). */
    public void press(char digit) {
        core.lock.lock();
        try {
            press(digit, false);
        } finally {
            core.lock.unlock();
        }
    }

    /** Presses a key now as SIP INFO (from a test). */
    public void pressInfo(char digit) {
        core.lock.lock();
        try {
            press(digit, true);
        } finally {
            core.lock.unlock();
        }
    }

    /** A channel variable of the caller's channel, or null (also after the call ended). */
    public String variable(String name) {
        core.lock.lock();
        try {
            return channel.var(name);
        } finally {
            core.lock.unlock();
        }
    }

    /** The caller's channel starts playing a sound file (Playback, STREAM FILE, GET DATA). */
    void heard(String file) {
        heard.add(file);
    }

    /** Asterisk updates the connected line of the caller's channel (lock held). */
    void connectedLineUpdate(String number) {
        identities.add(number);
    }

    /**
     * The identities Asterisk sent the caller as connected-line updates, in order: each reaches the caller's
     * side of the carrier trunk as a re-INVITE with P-Asserted-Identity (send_pai = yes).
     */
    public List<String> connectedLineUpdates() {
        return List.copyOf(identities);
    }

    /** The sound files the caller's channel played, in order (started; a hang-up may have cut one short). */
    public List<String> soundsHeard() {
        return List.copyOf(heard);
    }

    /**
     * The WARNING and ERROR lines Asterisk logged for this call (any of its channels), as
     * {@code WARNING[<channel>] <source>: <message>}: what an operator who alerts on them would see.
     */
    public List<String> logged() {
        return core.log.ofCall(channel.linkedId);
    }

    /** How many times an application or FastAGI command read keys from the caller (prompts that asked). */
    public int keyReads() {
        return reads;
    }

    public boolean awaitEnd(Duration realTimeout) {
        try {
            return ended.await(realTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isOver() {
        return ended.getCount() == 0;
    }
}

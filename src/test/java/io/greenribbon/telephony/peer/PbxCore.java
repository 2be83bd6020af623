package io.greenribbon.telephony.peer;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The state of the peer PBX: channels, endpoints, queues, bridges, globals, and the AMI sessions that
 * hear about them. One lock guards it all (as one thread of Asterisk would see it), so the events every
 * AMI session receives are in one order. Dialplan threads wait in PBX time for what they wait for
 * ({@link #awaitUntil}); a change wakes only those whose wait is over ({@link #changed}), not all of them.
 */
final class PbxCore {

    final ReentrantLock lock = new ReentrantLock();
    /** Threads waiting in {@link #awaitUntil}, each on a condition of its own (lock held). */
    private final Set<Waiter> waiters = new LinkedHashSet<>();
    final PbxClock clock;
    final PeerConfig config;
    final Map<String, String> globals = new LinkedHashMap<>();
    final Map<String, PeerChannel> channels = new LinkedHashMap<>();
    final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    final Map<String, PeerQueue> queues = new LinkedHashMap<>();
    final Map<String, List<CdrEngine.Record>> cdrRecords = new HashMap<>();
    final Map<String, String> deviceStates = new HashMap<>();
    final Map<String, String> astdb = new HashMap<>();
    final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    final CdrEngine cdr;
    final long startedMicros;
    final long reloadedMicros;
    private final Map<String, AtomicInteger> nameCounters = new HashMap<>();
    private int uniqueCounter;
    private final ScheduledExecutorService scheduler;
    private final java.util.concurrent.ExecutorService channelThreads;
    volatile boolean running = true;
    volatile boolean fullyBooted;
    int processedCalls;
    final ZoneId cdrZone;
    /** When set, each FastAGI session's time from its environment to the server's close (benchmarks). */
    volatile java.util.function.Consumer<long[]> agiTimings;
    /** Whether CDRs go to the writer (benchmarks turn it off). */
    volatile boolean cdrWrites = true;
    /** Addresses of FastAGI servers the peer refuses to reach (tests of "service down"). */
    final AgiNetwork agiNetwork;
    /** The WARNING and ERROR lines of Asterisk's log. */
    final PbxLog log = new PbxLog();

    /** What the PBX did before it starts here: nothing (a fresh start), or it ran for a while. */
    record History(Duration uptime, Duration sinceReload, int channels, int uniqueIds) {
        static final History FRESH = new History(Duration.ZERO, Duration.ZERO, 0, 0);
    }

    PbxCore(PeerConfig config, PbxClock clock, ZoneId zone, CdrWriter cdrWriter, AgiNetwork agiNetwork,
            History history) {
        this.config = config;
        this.clock = clock;
        this.agiNetwork = agiNetwork;
        long now = clock.nowMicros();
        this.startedMicros = now - history.uptime().toNanos() / 1000;
        this.reloadedMicros = now - history.sinceReload().toNanos() / 1000;
        this.uniqueCounter = history.uniqueIds();
        if (history.channels() > 0) {
            nameCounters.put("PJSIP", new AtomicInteger(history.channels()));
        }
        this.cdrZone = zone;
        this.cdr = new CdrEngine(this, zone, cdrWriter);
        this.globals.putAll(config.dialplan().globals());
        config.endpoints().forEach(e -> {
            endpoints.put(e.name, e);
            deviceStates.put("PJSIP/" + e.name, e.deviceState());
        });
        config.queues().forEach(q -> queues.put(q.name, q));
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "peer-timer-" + n.incrementAndGet()));
        AtomicInteger c = new AtomicInteger();
        this.channelThreads = Executors.newCachedThreadPool(r -> daemon(r, "peer-channel-" + c.incrementAndGet()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    // ---- events ------------------------------------------------------------------------------------

    /** Sends an event of privilege {@code eventClass} to every session allowed to read it. Lock held. */
    void emit(AmiMessage event, String eventClass) {
        if (sessions.stream().noneMatch(s -> s.wants(eventClass))) {
            return;
        }
        AmiMessage m = event.copy().eventClass(eventClass);
        m.insert(1, "Privilege", eventClass + ",all");
        m.insert(2, "Timestamp", PbxClock.timestamp(clock.nowMicros()));
        if (!config.systemName().isEmpty()) {
            m.insert(3, "SystemName", config.systemName());
        }
        for (AmiSession s : sessions) {
            s.deliverEvent(m);
        }
    }

    void channelEvent(String name, PeerChannel c, String eventClass) {
        AmiMessage m = AmiMessage.event(name);
        c.block(m, "");
        emit(m, eventClass);
    }

    /**
     * app_dial or app_queue tells a channel who it is connected to now: NewConnectedLine, and a caller on
     * the carrier trunk receives the identity (send_pai = yes: a re-INVITE with P-Asserted-Identity).
     */
    void updateConnectedLine(PeerChannel c, String num, String name) {
        c.connectedNum = num;
        c.connectedName = name;
        channelEvent("NewConnectedLine", c, "call");
        if (c.call != null) {
            c.call.connectedLineUpdate(num);
        }
    }

    /**
     * A device's state changed (PJSIP/..., Queue:...). Only changes are reported, and only where
     * res_manager_devicestate is loaded (telephony/ does not load it); returns whether it changed.
     */
    boolean deviceState(String device, String state) {
        if (state.equals(deviceStates.put(device, state))) {
            return false;
        }
        if (config.loads("res_manager_devicestate.so")) {
            emit(AmiMessage.event("DeviceStateChange").add("Device", device).add("State", state), "call");
        }
        return true;
    }

    void endpointChanged(Endpoint e) {
        if (deviceState("PJSIP/" + e.name, e.deviceState())) {
            queues.values().forEach(q -> q.memberDeviceChanged(this, "PJSIP/" + e.name));
        }
        changed();
    }

    /** PeerStatus: the endpoint's contact became Reachable or Unreachable (res_pjsip's qualify). */
    void peerStatus(Endpoint e) {
        emit(AmiMessage.event("PeerStatus").add("ChannelType", "PJSIP").add("Peer", "PJSIP/" + e.name)
                .add("PeerStatus", e.reachable() ? "Reachable" : "Unreachable"), "system");
    }

    /** app_queue's status code of a member: its state interface's device state. */
    int memberStatus(PeerQueue.Member m) {
        String iface = m.stateIface;
        if (!iface.startsWith("PJSIP/")) {
            return 4;
        }
        Endpoint e = endpoints.get(iface.substring(6));
        return e == null ? 4 : e.statusCode();
    }

    // ---- channels ----------------------------------------------------------------------------------

    /**
     * A new channel, {@code PJSIP/<endpoint>-<8 hex>} (or another technology's name), with its Uniqueid: the
     * epoch and a counter, prefixed with the systemname when asterisk.conf sets one (channel.c); an
     * Originate's ChannelId is taken as it is.
     */
    PeerChannel newChannel(String tech, String resource, String linkedId, String channelId) {
        int n = nameCounters.computeIfAbsent(tech, k -> new AtomicInteger()).getAndIncrement();
        String name = tech + "/" + resource + "-" + String.format("%08x", n);
        long now = clock.nowMicros();
        String system = config.systemName().isEmpty() ? "" : config.systemName() + "-";
        String uniqueId = channelId != null ? channelId : system + (now / 1_000_000L) + "." + uniqueCounter;
        uniqueCounter++;
        PeerChannel c = new PeerChannel(name, uniqueId, linkedId != null ? linkedId : uniqueId, resource, now);
        channels.put(name, c);
        return c;
    }

    void setState(PeerChannel c, int state) {
        c.state = state;
        channelEvent("Newstate", c, "call");
        changed();
    }

    /** The far end hung up or the PBX ends the channel: HangupRequest now, the dialplan unwinds. */
    void requestHangup(PeerChannel c, Integer cause, Integer techCause) {
        if (c.hangupRequested || c.gone) {
            return;
        }
        c.hangupRequested = true;
        AmiMessage m = AmiMessage.event("HangupRequest");
        c.block(m, "");
        if (cause != null) {
            m.add("Cause", cause);
        }
        if (techCause != null) {
            m.add("TechCause", techCause);
            c.techCause = techCause;
        }
        emit(m, "call");
        QueueApp.onHangupRequest(this, c);
        if (c.agi != null) {
            c.agi.channelHungUp();
        }
        changed();
    }

    void softHangupRequest(PeerChannel c, int cause) {
        if (cause == 16) {
            c.softHangupSent = true;
        }
        AmiMessage m = AmiMessage.event("SoftHangupRequest");
        c.block(m, "");
        emit(m.add("Cause", cause), "call");
    }

    /** The channel is destroyed: Hangup, device state, CDRs of an A leg. */
    void destroy(PeerChannel c, int cause) {
        if (c.gone) {
            return;
        }
        c.gone = true;
        channels.remove(c.name);
        if (c.call != null) {
            c.call.channelGone();
        }
        Endpoint e = endpoints.get(c.endpoint);
        AmiMessage m = AmiMessage.event("Hangup");
        c.block(m, "");
        m.add("Cause", cause).add("Cause-txt", causeText(cause));
        if (c.techCause != null) {
            m.add("TechCause", c.techCause);
        }
        emit(m, "call");
        if (c.afterGone != null) {
            Runnable after = c.afterGone;
            c.afterGone = null;
            after.run();
        }
        if (e != null) {
            e.calls = Math.max(0, e.calls - (c.countedAsCall ? 1 : 0));
            if (c.countedAsRinging) {
                e.ringing = Math.max(0, e.ringing - 1);
                c.countedAsRinging = false;
            }
            endpointChanged(e);
        }
        changed();
    }

    static String causeText(int cause) {
        return switch (cause) {
            case 0 -> "Unknown";
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 18 -> "No user responding";
            case 19 -> "User alerting, no answer";
            case 21 -> "Call Rejected";
            case 32 -> "Circuit/channel congestion";
            case 34 -> "Circuit/channel congestion";
            default -> "Unknown";
        };
    }

    void newexten(PeerChannel c) {
        cdrLocation(c);
        AmiMessage m = AmiMessage.event("Newexten");
        c.block(m, "");
        emit(m.add("Extension", c.exten).add("Application", c.app).add("AppData", c.appData), "dialplan");
    }

    /**
     * Where the channel is and what it runs, as its CDR reports them: not the h extension's, unless cdr.conf
     * has the CDR go on through it (endbeforehexten = no; then a record that already ended starts anew).
     */
    void cdrLocation(PeerChannel c) {
        boolean hExten = "h".equals(c.exten);
        if (hExten && config.cdrEndsBeforeHExten()) {
            return;
        }
        if (hExten) {
            cdr.dialplanAfterBridge(c);
        }
        c.cdrExten = c.exten;
        c.cdrContext = c.context;
        c.cdrApp = c.app;
        c.cdrAppData = c.appData;
    }

    void varSet(PeerChannel c, String name, String value) {
        AmiMessage m = AmiMessage.event("VarSet");
        if (c == null) {
            m.add("Channel", "none").add("Uniqueid", "none");
        } else {
            c.block(m, "");
        }
        emit(m.add("Variable", name).add("Value", value), "dialplan");
    }

    /** Sets a channel variable as Set() does, with its VarSet event. */
    void setVariable(PeerChannel c, String name, String value) {
        c.setVar(name, value);
        varSet(c, name, value);
    }

    // ---- time --------------------------------------------------------------------------------------

    /**
     * Waits (lock held, released while waiting) until {@code done} or until PBX time {@code deadlineMicros}
     * (0: no deadline). Returns whether {@code done} holds.
     */
    boolean awaitUntil(long deadlineMicros, BooleanSupplier done) {
        if (done.getAsBoolean()) {
            return true;
        }
        Waiter waiter = new Waiter(lock.newCondition(), done);
        waiters.add(waiter);
        try {
            while (!done.getAsBoolean()) {
                if (!running) {
                    throw new Stopped();
                }
                long left = deadlineMicros == 0 ? 50_000_000L : deadlineMicros - clock.nowMicros();
                if (deadlineMicros != 0 && left <= 0) {
                    return false;
                }
                try {
                    waiter.wake().awaitNanos(Math.max(50_000L, Math.min(clock.realNanos(Duration.ofNanos(left * 1000)),
                            100_000_000L)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return done.getAsBoolean();
                }
            }
            return true;
        } finally {
            waiters.remove(waiter);
        }
    }

    /**
     * The PBX's state changed (lock held): wakes the threads whose wait is now over. With hundreds of
     * channels waiting, waking them all on every change would keep the cores busy with threads that go
     * straight back to sleep, which a real Asterisk does not do.
     */
    void changed() {
        for (Waiter w : waiters) {
            if (!running || w.done().getAsBoolean()) {
                w.wake().signal();
            }
        }
    }

    private record Waiter(Condition wake, BooleanSupplier done) {
    }

    long after(Duration pbxDelay) {
        return clock.nowMicros() + pbxDelay.toNanos() / 1000;
    }

    /** Runs {@code action} with the lock held after a span of PBX time. */
    void schedule(Duration pbxDelay, Runnable action) {
        scheduler.schedule(() -> {
            lock.lock();
            try {
                if (running) {
                    action.run();
                    changed();
                }
            } finally {
                lock.unlock();
            }
        }, clock.realNanos(pbxDelay), TimeUnit.NANOSECONDS);
    }

    void startThread(Runnable body) {
        channelThreads.execute(body);
    }

    void shutdown() {
        running = false;
        scheduler.shutdownNow();
        channelThreads.shutdown();
        lock.lock();
        try {
            changed();
        } finally {
            lock.unlock();
        }
    }

    /** Thrown in a waiting channel thread when the PBX stops: the thread ends without further events. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("PBX stopped", null, false, false);
        }
    }

    List<PeerChannel> channelsSnapshot() {
        return new ArrayList<>(channels.values());
    }
}

package io.greenribbon.telephony.peer;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A protocol-faithful stand-in for Asterisk 22: an AMI server and FastAGI client on real sockets, driven by
 * a PBX that runs the dialplan, queues and endpoints of a real configuration directory (telephony/).
 * Tests and the local stack place simulated calls through it ({@link #call}) and script the phones
 * ({@link #phone}).
 */
public final class AsteriskPeer implements AutoCloseable {

    /** The placeholder of telephony/asterisk.conf's systemname. */
    public static final String SYSTEM_NAME = "__PBX_SYSTEM_NAME__";

    /** How to start the peer. */
    public static final class Options {
        Path configDir = Path.of("telephony");
        Path extraConfigDir;
        /** The site's placeholder values; a PBX that sets no systemname unless told otherwise. */
        final Map<String, String> siteValues = new LinkedHashMap<>(Map.of(SYSTEM_NAME, ""));
        final Map<String, Duration> sounds = new LinkedHashMap<>(Map.of(
                "greenribbon/confidentiality", Duration.ofSeconds(6),
                "greenribbon/press-1-if-in-danger", Duration.ofSeconds(4),
                "hotline-menu", Duration.ofSeconds(3)));
        int amiPort;
        InetAddress bind = InetAddress.getLoopbackAddress();
        double speed = 1.0;
        ZoneId zone = ZoneOffset.UTC;
        Instant start = Instant.now();
        CdrWriter cdrWriter;
        boolean phonesRegistered = true;
        Duration bootDelay = Duration.ZERO;
        PbxCore.History history = PbxCore.History.FRESH;

        public Options configDir(Path dir) {
            this.configDir = dir;
            return this;
        }

        /** Configuration files appended to those of {@link #configDir} (contexts and endpoints of tests). */
        public Options extraConfig(Path dir) {
            this.extraConfigDir = dir;
            return this;
        }

        /** A site value for a placeholder of the configuration, e.g. {@code __AMI_SECRET__}. */
        public Options site(String placeholder, String value) {
            siteValues.put(placeholder, value);
            return this;
        }

        /**
         * asterisk.conf's systemname (its placeholder's value): the prefix of the PBX's Uniqueids and the
         * SystemName header of its events, as a PBX of a province has it.
         */
        public Options systemName(String name) {
            return site(SYSTEM_NAME, name);
        }

        public Options sound(String file, Duration length) {
            sounds.put(file, length);
            return this;
        }

        public Options amiPort(int port) {
            this.amiPort = port;
            return this;
        }

        /** How many times faster than real time the PBX clock runs. */
        public Options speed(double speed) {
            this.speed = speed;
            return this;
        }

        public Options zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Options cdr(CdrWriter writer) {
            this.cdrWriter = writer;
            return this;
        }

        /** Whether phones that register (no static contact) are registered; default true. */
        public Options phonesRegistered(boolean registered) {
            this.phonesRegistered = registered;
            return this;
        }

        /**
         * The PBX was not restarted before it starts here: it has been up for {@code uptime}, its configuration
         * was reloaded {@code sinceReload} ago, and it has created {@code channels} channels (the next channel
         * name ends in that number, in hex) and {@code uniqueIds} Uniqueids. A restart starts from zero again.
         */
        public Options runningFor(Duration uptime, Duration sinceReload, int channels, int uniqueIds) {
            this.history = new PbxCore.History(uptime, sinceReload, channels, uniqueIds);
            return this;
        }

        /** How long the PBX takes to boot after a restart (default 0.4 s): FullyBooted comes then. */
        public Options bootDelay(Duration delay) {
            this.bootDelay = delay;
            return this;
        }
    }

    private final Options options;
    private final PeerConfig config;
    private final PbxClock clock;
    private final AgiNetwork agiNetwork = new AgiNetwork();
    private final AmiServer ami;
    private volatile PbxCore core;

    private AsteriskPeer(Options options) {
        this.options = options;
        this.config = PeerConfig.read(options.configDir, options.extraConfigDir, options.siteValues, options.sounds,
                options.phonesRegistered);
        this.clock = new PbxClock(options.speed, options.start);
        this.ami = new AmiServer(() -> core, options.bind, options.amiPort);
    }

    public static AsteriskPeer start(Options options) {
        AsteriskPeer peer = new AsteriskPeer(options);
        peer.boot(Duration.ZERO, options.history);
        return peer;
    }

    public static Options options() {
        return new Options();
    }

    private void boot(Duration delay, PbxCore.History history) {
        core = new PbxCore(config, clock, options.zone, options.cdrWriter, agiNetwork, history);
        ami.start();
        PbxCore booting = core;
        if (delay.isZero()) {
            booting.fullyBooted = true;
            return;
        }
        booting.schedule(delay, () -> {
            for (String endpoint : config.staticContactEndpoints()) {
                booting.emit(AmiMessage.event("PeerStatus").add("ChannelType", "PJSIP").add("Peer", "PJSIP/" + endpoint)
                        .add("PeerStatus", "Reachable"), "system");
            }
            booting.globals.forEach((name, value) -> booting.varSet(null, name, value));
            long uptime = clock.epochSeconds() - booting.startedMicros / 1_000_000L;
            booting.emit(AmiMessage.event("FullyBooted").add("Status", "Fully Booted").add("Uptime", uptime)
                    .add("LastReload", clock.epochSeconds() - booting.reloadedMicros / 1_000_000L), "system");
            booting.fullyBooted = true;
        });
    }

    public int amiPort() {
        return ami.port();
    }

    public AgiNetwork agiNetwork() {
        return agiNetwork;
    }

    /** asterisk.conf's systemname; empty when the PBX sets none. */
    public String systemName() {
        return config.systemName();
    }

    public PbxClock clock() {
        return clock;
    }

    /** Places a simulated call: the caller dials {@code script.to} from {@code script.from}. */
    public PeerCall call(CallScript script) {
        PbxCore c = core;
        c.lock.lock();
        try {
            Endpoint trunk = trunkFor(c, script);
            PeerCall call = new PeerCall(c, script);
            call.start(trunk);
            return call;
        } finally {
            c.lock.unlock();
        }
    }

    private Endpoint trunkFor(PbxCore c, CallScript script) {
        if (script.trunk != null) {
            Endpoint e = c.endpoints.get(script.trunk);
            if (e == null) {
                throw new IllegalArgumentException("No endpoint " + script.trunk);
            }
            return e;
        }
        return c.endpoints.values().stream()
                .filter(e -> config.dialplan().find(e.context, script.to).isPresent())
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No trunk lands calls to " + script.to));
    }

    /** The scripted phone of an endpoint (a counsellor's phone, a supervisor's, the carrier trunk). */
    public Phone phone(String endpoint) {
        return new Phone(this, endpoint);
    }

    /** Reports the endpoint's reachability (lock held, from {@link #withEndpoint}). */
    void peerStatus(Endpoint e) {
        core.peerStatus(e);
    }

    void withEndpoint(String name, java.util.function.Consumer<Endpoint> change) {
        PbxCore c = core;
        c.lock.lock();
        try {
            Endpoint e = c.endpoints.get(name);
            if (e == null) {
                throw new IllegalArgumentException("No endpoint " + name);
            }
            change.accept(e);
            c.endpointChanged(e);
        } finally {
            c.lock.unlock();
        }
    }

    /** A member of a queue as the PBX holds it now. */
    public record MemberState(String queue, String iface, String name, boolean paused, String reason, int penalty,
                              int callsTaken, boolean inCall) {
    }

    public List<MemberState> members(String queue) {
        PbxCore c = core;
        c.lock.lock();
        try {
            List<MemberState> out = new ArrayList<>();
            PeerQueue q = c.queues.get(queue);
            if (q != null) {
                q.members.values().forEach(m -> out.add(new MemberState(queue, m.iface, m.name, m.paused, m.reason,
                        m.penalty, m.callsTaken, m.inCall)));
            }
            return out;
        } finally {
            c.lock.unlock();
        }
    }

    /**
     * Puts a member into a queue as an earlier part of the PBX's life left it, without an event (a recording
     * that continues where an earlier one ended): its calls taken, and whether it has taken a call and been
     * paused before (then its last call and pause are now).
     */
    void restoreMember(String queue, String iface, String name, int penalty, boolean paused, String reason,
                       int callsTaken, boolean hasCalled, boolean hasPaused) {
        PbxCore c = core;
        c.lock.lock();
        try {
            long now = c.clock.epochSeconds();
            PeerQueue.Member m = new PeerQueue.Member(iface, name, iface, penalty, paused, now);
            m.reason = paused ? reason : "";
            m.callsTaken = callsTaken;
            m.lastCall = hasCalled ? now : 0;
            m.lastPause = hasPaused ? now : 0;
            c.queues.get(queue).members.put(iface, m);
        } finally {
            c.lock.unlock();
        }
    }

    /** A queue's statistics as earlier calls left them (see {@link #restoreMember}). */
    void restoreQueueStatistics(String queue, int completed, int abandoned, int completedInSl, int abandonedInSl,
                                long holdtime, long talktime) {
        PbxCore c = core;
        c.lock.lock();
        try {
            PeerQueue q = c.queues.get(queue);
            q.completed = completed;
            q.abandoned = abandoned;
            q.completedInSl = completedInSl;
            q.abandonedInSl = abandonedInSl;
            q.holdtime = holdtime;
            q.talktime = talktime;
        } finally {
            c.lock.unlock();
        }
    }

    /**
     * Removes a member as an operator would at Asterisk's console ({@code queue remove member}), behind the
     * back of whoever manages the queues; false when it was not a member.
     */
    public boolean removeMember(String queue, String iface) {
        PbxCore c = core;
        c.lock.lock();
        try {
            return QueueMembers.remove(c, queue, iface) == null;
        } finally {
            c.lock.unlock();
        }
    }

    /**
     * Receives, for every FastAGI session from now on, the real nanoseconds the PBX waited on the server,
     * one after the other: from the end of the agi_ environment, and from each reply, to the server's next
     * command or its close (a command's own time, such as a prompt the caller listens to, is not counted).
     * Their sum is the silence a caller hears in all. Null stops it.
     */
    public void agiTimings(java.util.function.Consumer<long[]> timings) {
        core.agiTimings = timings;
    }

    /** Whether CDRs are written to the database (a benchmark's thousands of calls need not be). */
    public void cdrWrites(boolean on) {
        core.cdrWrites = on;
    }

    /** Every WARNING and ERROR line Asterisk logged since it (last) started, oldest first. */
    public List<String> logged() {
        return core.log.all();
    }

    /** The names of the channels that exist now. */
    public List<String> channels() {
        PbxCore c = core;
        c.lock.lock();
        try {
            return c.channelsSnapshot().stream().map(ch -> ch.name).toList();
        } finally {
            c.lock.unlock();
        }
    }

    public String global(String name) {
        PbxCore c = core;
        c.lock.lock();
        try {
            return c.globals.get(name);
        } finally {
            c.lock.unlock();
        }
    }

    /** How many AMI sessions are logged in now. */
    public int amiSessions() {
        return (int) core.sessions.stream().filter(s -> s.authenticated).count();
    }

    /** Cuts every AMI connection (a network drop); the listener stays, so clients reconnect. */
    public void dropAmiConnections() {
        core.sessions.forEach(AmiSession::drop);
    }

    /**
     * The network between the service and Asterisk's AMI port fails: the AMI connections drop and new ones
     * are refused until {@link #amiReachable()}, while Asterisk goes on carrying its calls.
     */
    public void amiUnreachable() {
        ami.stop();
        core.sessions.forEach(AmiSession::drop);
    }

    /** The AMI port answers again (same port); clients log in again. */
    public void amiReachable() {
        ami.start();
    }

    /**
     * Stops Asterisk ("core stop now"): the AMI sessions get Shutdown, every call is gone, and connections
     * are refused until {@link #startAgain()}.
     */
    public void stopAsterisk() {
        PbxCore c = core;
        c.lock.lock();
        try {
            c.emit(AmiMessage.event("Shutdown").add("Shutdown", "Cleanly").add("Restart", "False"), "system");
        } finally {
            c.lock.unlock();
        }
        ami.stop();
        sleepReal(Duration.ofMillis(100));
        c.sessions.forEach(AmiSession::drop);
        c.shutdown();
    }

    /** Starts Asterisk again after {@link #stopAsterisk()}: an empty PBX (no calls, no queue members). */
    public void startAgain() {
        boot(options.bootDelay.isZero() ? Duration.ofMillis(400) : options.bootDelay, PbxCore.History.FRESH);
    }

    /** Stops and starts Asterisk. */
    public void restart() {
        stopAsterisk();
        startAgain();
    }

    private static void sleepReal(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        ami.stop();
        PbxCore c = core;
        c.sessions.forEach(AmiSession::drop);
        c.shutdown();
    }
}

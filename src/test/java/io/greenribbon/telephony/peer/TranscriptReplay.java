package io.greenribbon.telephony.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs the service's side of a recorded scenario against the peer: the recorded AMI actions at their
 * times, a FastAGI server that sends the recorded commands, and the caller and phones as the recording
 * shows them; then collects everything the peer sent for comparison with the recording.
 *
 * <p>Transcripts 10 were recorded on this repository's own telephony/ ({@link #RECORDED_PROJECT}), on an Asterisk
 * that had been running for a while, by a second login of the service's AMI user beside the service's own
 * (unrecorded) session. The replay starts the peer where that Asterisk stood (its uptime, its channel and
 * Uniqueid counters, the queue members it already had) and sends the service's queue actions itself,
 * just before the events they caused.
 */
final class TranscriptReplay implements AutoCloseable {

    static final Path FIXTURE = Path.of("src/test/resources/telephony/transcript-pbx");
    /** telephony/ as transcripts 10 were recorded with it (its README says why it is a copy). */
    static final Path RECORDED_PROJECT = Path.of("src/test/resources/telephony/recorded-2026-12-07");
    /** The recording's AMI secret (fixture manager.conf). */
    static final String SECRET = "probe-secret";
    /** Where the recordings of telephony/ reached the service's FastAGI server (a relay on this address). */
    private static final String PROJECT_AGI_HOST = "127.0.0.6";

    private final String name;
    private final boolean project;
    private boolean agiRefused;
    private final TranscriptFile ami;
    private final TranscriptFile agi;
    private final double speed;
    private final Consumer<AsteriskPeer> setup;
    private AsteriskPeer peer;
    private final ServerSocket agiServer;
    private final Map<String, List<String>> amiReceived = new ConcurrentHashMap<>();
    private final Map<String, List<String>> agiReceived = new ConcurrentHashMap<>();
    private final Map<String, Socket> amiSockets = new LinkedHashMap<>();
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    private long startNanos;
    private PeerCall call;

    TranscriptReplay(String name, double speed, Consumer<AsteriskPeer> setup) throws IOException {
        this(name, speed, setup, false);
    }

    private TranscriptReplay(String name, double speed, Consumer<AsteriskPeer> setup, boolean project)
            throws IOException {
        this.name = name;
        this.project = project;
        this.ami = TranscriptFile.read(name + ".ami.txt");
        this.agi = TranscriptFile.exists(name + ".agi.txt") ? TranscriptFile.read(name + ".agi.txt") : null;
        this.speed = speed;
        this.agiServer = new ServerSocket(0, 50, project ? InetAddress.getByName(PROJECT_AGI_HOST)
                : InetAddress.getLoopbackAddress());
        this.setup = setup;
    }

    /** A recording of this repository's own telephony/ (transcripts 10), placeholders filled as it was recorded. */
    static TranscriptReplay project(String name, double speed, Consumer<AsteriskPeer> setup) throws IOException {
        return new TranscriptReplay(name, speed, setup, true);
    }

    /** Nothing listens at the FastAGI address (the service is down): every connection is refused. */
    TranscriptReplay agiRefused() {
        this.agiRefused = true;
        return this;
    }

    AsteriskPeer peer() {
        return peer;
    }

    /** Runs the whole scenario; returns after the last recorded line plus a margin. */
    void run() throws Exception {
        warmUp();
        AsteriskPeer.Options options = project ? projectOptions() : AsteriskPeer.options().configDir(FIXTURE)
                .site("__AGI_PORT__", String.valueOf(agiServer.getLocalPort())).phonesRegistered(false);
        continuing(options.speed(speed));
        peer = AsteriskPeer.start(options);
        if (agiRefused) {
            peer.agiNetwork().fault(PROJECT_AGI_HOST + ":" + agiServer.getLocalPort(), AgiNetwork.Fault.REFUSE);
        }
        if (project) {
            restoreMembers();
        }
        setup.accept(peer);
        startNanos = System.nanoTime();
        if (agi != null) {
            Thread t = new Thread(this::serveAgi, "replay-agi");
            t.setDaemon(true);
            t.start();
        }
        List<Runnable> timeline = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (String conn : ami.connections()) {
            List<TranscriptFile.Timed> sent = ami.amiMessages(conn, false);
            List<TranscriptFile.Timed> got = ami.amiMessages(conn, true);
            double open = got.isEmpty() ? sent.get(0).t() : Math.min(got.get(0).t(), sent.isEmpty() ? 1e9 : sent.get(0).t());
            times.add(open - 0.0005);
            timeline.add(() -> connect(conn));
            for (TranscriptFile.Timed m : sent) {
                times.add(m.t());
                timeline.add(() -> send(conn, m.lines()));
            }
        }
        callerActions(times, timeline);
        if (project) {
            serviceActions(times, timeline);
        }
        for (TranscriptFile.Note n : ami.notes("core stop now")) {
            times.add(n.t());
            timeline.add(peer::stopAsterisk);
        }
        for (TranscriptFile.Note n : ami.notes("starting Asterisk again")) {
            times.add(n.t());
            timeline.add(peer::startAgain);
        }
        Integer[] order = new Integer[times.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(times::get));
        for (int i : order) {
            sleepUntil(times.get(i));
            timeline.get(i).run();
        }
        double end = ami.lines.get(ami.lines.size() - 1).t();
        sleepUntil(end + 0.5);
    }

    private static volatile boolean warm;

    /**
     * Runs the peer once in this JVM before any recorded scenario, so that loading and compiling classes
     * does not delay the first scenario's first events behind its recorded timeline.
     */
    private static synchronized void warmUp() throws Exception {
        if (warm) {
            return;
        }
        try (TranscriptReplay r = new TranscriptReplay("03-inbound-queue-answered", 40,
                p -> p.phone("counselor1").answersAfter(Duration.ofMillis(1000)))) {
            warm = true;
            r.run();
        }
    }

    /**
     * The caller's INVITE, keys and BYE at the times the recording shows them on the caller's channel: the
     * first channel that came in ringing (an inbound call), on the trunk its name gives.
     */
    private void callerActions(List<Double> times, List<Runnable> timeline) {
        CallScript script = null;
        double start = -1;
        String caller = null;
        for (TranscriptFile.Timed m : ami.amiMessages("ami1", true)) {
            AmiMessage e = m.message();
            String channel = e.require("Channel");
            String event = e.require("Event");
            if (caller == null && event.equals("Newchannel") && e.require("ChannelState").equals("4")) {
                caller = channel;
            }
            if (!channel.equals(caller)) {
                continue;
            }
            switch (event) {
                case "Newchannel" -> {
                    String trunk = channel.substring(channel.indexOf('/') + 1, channel.lastIndexOf('-'));
                    script = CallScript.from(e.require("CallerIDNum")).to(e.require("Exten")).onTrunk(trunk);
                    start = m.t();
                }
                case "DTMFBegin" -> {
                    char digit = e.require("Digit").charAt(0);
                    times.add(m.t());
                    timeline.add(() -> call.press(digit));
                }
                case "DTMFEnd" -> {
                    if (!precededByBegin(m)) {
                        char digit = e.require("Digit").charAt(0);
                        times.add(m.t());
                        timeline.add(() -> call.pressInfo(digit));
                    }
                }
                case "HangupRequest" -> {
                    if (!hangupScheduled) {
                        hangupScheduled = true;
                        times.add(m.t() - 0.0005);
                        timeline.add(() -> call.hangUp());
                    }
                }
                default -> { }
            }
        }
        if (script != null) {
            CallScript s = script;
            times.add(start - 0.001);
            timeline.add(() -> call = peer.call(s));
            if (!recordsDtmf()) {
                keysFromAgi(times, timeline);
            }
        }
    }

    /** Whether the recording's AMI user reads the dtmf class (the keys are events then). */
    private boolean recordsDtmf() {
        return ami.amiMessages("ami1", true).stream()
                .anyMatch(m -> m.message().get("Event").orElse("").startsWith("DTMF"));
    }

    /**
     * Keys the recording shows only as a FastAGI reply: GET DATA answered with digits. The last digit ended
     * the command, so the caller pressed it just before the reply (the peer takes a key at its DTMF end).
     */
    private void keysFromAgi(List<Double> times, List<Runnable> timeline) {
        if (agi == null) {
            return;
        }
        for (String conn : agi.connections()) {
            List<TranscriptFile.Line> commands = agi.agiLines(conn, false);
            for (TranscriptFile.Line reply : agi.agiLines(conn, true)) {
                java.util.regex.Matcher digits = GET_DATA_DIGITS.matcher(reply.text());
                boolean afterGetData = commands.stream().filter(c -> c.t() <= reply.t())
                        .reduce((a, b) -> b).map(c -> c.text().startsWith("GET DATA ")).orElse(false);
                if (afterGetData && digits.matches()) {
                    String keys = digits.group(1);
                    for (int i = 0; i < keys.length(); i++) {
                        char key = keys.charAt(i);
                        times.add(reply.t() - KEY_TO_REPLY * (keys.length() - i));
                        timeline.add(() -> call.press(key));
                    }
                }
            }
        }
    }

    private static final java.util.regex.Pattern GET_DATA_DIGITS = java.util.regex.Pattern.compile("^200 result=([0-9*#]+)$");
    /** From a key pressed to the peer taking it (its DTMF end), in seconds, and a little more. */
    private static final double KEY_TO_REPLY = 0.2;

    // ---- a recording that continues an earlier one (transcripts 10) ------------------------------------

    /** The site values the recordings of telephony/ were made with (their headers), on the copy they used. */
    private AsteriskPeer.Options projectOptions() {
        return AsteriskPeer.options().configDir(RECORDED_PROJECT)
                .site("__GREENRIBBON_AGI_HOST__:4573", PROJECT_AGI_HOST + ":" + agiServer.getLocalPort())
                .site("__AMI_SECRET__", recordedSecret())
                .site("__AMI_BIND_ADDRESS__", "127.0.0.1")
                .site("__SERVICE_NETWORK__", "127.0.0.1/32")
                .site("__PROVINCE_BACKUP_NUMBER__", "03119999000")
                .site("__CARRIER_HOST__", "127.0.0.2")
                .sound("greenribbon/confidentiality", Duration.ofSeconds(3))
                .sound("greenribbon/press-1-if-in-danger", Duration.ofSeconds(2))
                .phonesRegistered(true);
    }

    private String recordedSecret() {
        return ami.amiMessages("ami1", false).stream().map(m -> m.message().get("Secret"))
                .flatMap(java.util.Optional::stream).findFirst().orElse(SECRET);
    }

    /**
     * Where the recorded Asterisk stood when the recording began, when it had not just been started: its
     * uptime and last reload (FullyBooted after login) and its channel and Uniqueid counters (the first new
     * channel's name and Uniqueid).
     */
    private void continuing(AsteriskPeer.Options options) {
        List<AmiMessage> got = recordedAmi("ami1");
        AmiMessage booted = got.stream().filter(m -> m.get("Event").orElse("").equals("FullyBooted")).findFirst()
                .orElse(null);
        AmiMessage first = got.stream().filter(m -> m.get("Event").orElse("").equals("Newchannel")).findFirst()
                .orElse(null);
        if (booted == null || first == null || Integer.parseInt(booted.require("Uptime")) == 0) {
            return;
        }
        String channel = first.require("Channel");
        String uniqueId = first.require("Uniqueid");
        options.runningFor(Duration.ofSeconds(Long.parseLong(booted.require("Uptime"))),
                Duration.ofSeconds(Long.parseLong(booted.require("LastReload"))),
                Integer.parseInt(channel.substring(channel.lastIndexOf('-') + 1), 16),
                Integer.parseInt(uniqueId.substring(uniqueId.indexOf('.') + 1)));
    }

    /**
     * Queue members the recording shows but never adds were in their queues before it began: each as the
     * first event about it shows it.
     */
    private void restoreMembers() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (AmiMessage e : recordedAmi("ami1")) {
            String event = e.get("Event").orElse("");
            if (!event.startsWith("QueueMember") || e.get("Interface").isEmpty()) {
                continue;
            }
            String key = e.require("Queue") + "|" + e.require("Interface");
            if (seen.add(key) && !event.equals("QueueMemberAdded")) {
                peer.restoreMember(e.require("Queue"), e.require("Interface"), e.require("MemberName"),
                        Integer.parseInt(e.require("Penalty")), e.require("Paused").equals("1"),
                        e.require("PausedReason"), Integer.parseInt(e.require("CallsTaken")),
                        !e.require("LastCall").equals("0"), !e.require("LastPause").equals("0"));
            }
        }
    }

    /**
     * The service's own AMI session, which the recording does not hold: its QueueAdd, QueueRemove and
     * QueuePause (every pause but Asterisk's own Auto-Pause), sent on a session of their own just before
     * the events they caused.
     */
    private void serviceActions(List<Double> times, List<Runnable> timeline) {
        List<TranscriptFile.Timed> got = ami.amiMessages("ami1", true);
        double login = got.get(0).t();
        times.add(login);
        timeline.add(() -> connect(SERVICE));
        times.add(login + 0.0001);
        timeline.add(() -> send(SERVICE, List.of("Action: Login", "ActionID: service-login", "Username: "
                + recordedUser(), "Secret: " + recordedSecret(), "Events: off")));
        int n = 0;
        for (TranscriptFile.Timed m : got) {
            AmiMessage e = m.message();
            List<String> action = switch (e.get("Event").orElse("")) {
                case "QueueMemberAdded" -> List.of("Action: QueueAdd", "Queue: " + e.require("Queue"),
                        "Interface: " + e.require("Interface"), "MemberName: " + e.require("MemberName"),
                        "StateInterface: " + e.require("StateInterface"), "Penalty: " + e.require("Penalty"),
                        "Paused: " + e.require("Paused").equals("1"));
                case "QueueMemberRemoved" -> List.of("Action: QueueRemove", "Queue: " + e.require("Queue"),
                        "Interface: " + e.require("Interface"));
                case "QueueMemberPause" -> e.require("PausedReason").equals("Auto-Pause") ? null
                        : List.of("Action: QueuePause", "Queue: " + e.require("Queue"),
                        "Interface: " + e.require("Interface"), "Paused: " + e.require("Paused").equals("1"),
                        "Reason: " + e.require("PausedReason"));
                default -> null;
            };
            if (action != null) {
                List<String> withId = new ArrayList<>(action);
                withId.add(1, "ActionID: service-" + (++n));
                long autoPausesBefore = got.stream().filter(o -> o.t() < m.t())
                        .filter(o -> o.message().get("PausedReason").filter("Auto-Pause"::equals).isPresent()).count();
                times.add(m.t() - 0.002);
                timeline.add(() -> {
                    // The service pauses a counsellor who missed a call after Asterisk's own Auto-Pause: on a
                    // loaded machine the peer's ring may end later than the recorded time, and the service's
                    // pause must still come after it, as it came from it.
                    awaitReceived("ami1", "PausedReason: Auto-Pause", autoPausesBefore);
                    send(SERVICE, withId);
                });
            }
        }
    }

    /** Waits (at most 20 s) until {@code conn} has received {@code count} lines equal to {@code line}. */
    private void awaitReceived(String conn, String line, long count) {
        long until = System.nanoTime() + 20_000_000_000L;
        while (count > 0 && System.nanoTime() < until && new ArrayList<>(amiReceived.getOrDefault(conn, List.of()))
                .stream().filter(line::equals).count() < count) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The unrecorded session of the service (not compared). */
    private static final String SERVICE = "service";

    private String recordedUser() {
        return ami.amiMessages("ami1", false).stream().map(m -> m.message().get("Username"))
                .flatMap(java.util.Optional::stream).findFirst().orElseThrow();
    }

    private boolean hangupScheduled;

    private boolean precededByBegin(TranscriptFile.Timed end) {
        return ami.amiMessages("ami1", true).stream().anyMatch(m -> m.message().require("Event").equals("DTMFBegin")
                && m.message().require("Digit").equals(end.message().require("Digit"))
                && end.t() - m.t() >= 0 && end.t() - m.t() < 0.5);
    }

    private void sleepUntil(double transcriptSeconds) {
        long target = startNanos + (long) (transcriptSeconds * 1e9 / speed);
        long wait = target - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void connect(String conn) {
        try {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), peer.amiPort());
            amiSockets.put(conn, s);
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            amiReceived.put(conn, lines);
            Thread t = new Thread(() -> readLines(s, lines, true), "replay-" + conn);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        } catch (IOException e) {
            amiReceived.put(conn, Collections.synchronizedList(new ArrayList<>(List.of("#refused"))));
        }
    }

    private void send(String conn, List<String> lines) {
        Socket s = amiSockets.get(conn);
        if (s == null) {
            return;
        }
        try {
            OutputStream out = s.getOutputStream();
            StringBuilder text = new StringBuilder();
            if (lines.stream().anyMatch(l -> l.startsWith("Key: "))) {
                long until = System.nanoTime() + 2_000_000_000L;
                while (lastChallenge(conn).isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(2);
                }
            }
            for (String l : lines) {
                // A client computes the MD5 key from the challenge it was given, not the recorded one.
                text.append(l.startsWith("Key: ") ? "Key: " + AmiActions.md5(lastChallenge(conn) + SECRET) : l).append("\r\n");
            }
            out.write(text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            awaitResponse(conn, lines);
        } catch (IOException e) {
            // the peer closed the connection: nothing more to send
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits (at most 2 s) for the response to an action, as the recording client did before it went on:
     * a slow test machine then delays the timeline instead of making the client miss events.
     */
    private void awaitResponse(String conn, List<String> action) throws InterruptedException {
        String id = action.stream().filter(l -> l.startsWith("ActionID: ")).findFirst().orElse(null);
        if (id == null) {
            return;
        }
        long until = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < until) {
            List<String> got = new ArrayList<>(amiReceived.getOrDefault(conn, List.of()));
            if (got.contains(id)) {
                return;
            }
            Thread.sleep(1);
        }
    }

    private String lastChallenge(String conn) {
        List<String> got = new ArrayList<>(amiReceived.getOrDefault(conn, List.of()));
        for (int i = got.size() - 1; i >= 0; i--) {
            if (got.get(i).startsWith("Challenge: ")) {
                return got.get(i).substring("Challenge: ".length());
            }
        }
        return "";
    }

    private static void readLines(Socket s, List<String> into, boolean crlf) {
        try {
            var in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int b;
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = buf.toByteArray();
                    int len = bytes.length;
                    boolean hadCr = len > 0 && bytes[len - 1] == '\r';
                    String text = new String(bytes, 0, hadCr ? len - 1 : len, StandardCharsets.UTF_8);
                    into.add(crlf && !hadCr ? text + "[LF-terminated]" : !crlf && hadCr ? text + "[CRLF-terminated]" : text);
                    buf.reset();
                } else {
                    buf.write(b);
                }
            }
            line.setLength(0);
        } catch (IOException e) {
            // closed
        }
    }

    // ---- FastAGI server replaying the recorded commands ----------------------------------------------------

    private void serveAgi() {
        List<String> conns = agi.connections();
        for (String conn : conns) {
            try (Socket s = agiServer.accept()) {
                List<String> lines = Collections.synchronizedList(new ArrayList<>());
                agiReceived.put(conn, lines);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                String l;
                while ((l = in.readLine()) != null) {
                    lines.add(l);
                    if (l.isEmpty()) {
                        break;
                    }
                }
                OutputStream out = s.getOutputStream();
                for (TranscriptFile.Line cmd : agi.agiLines(conn, false)) {
                    sleepUntil(cmd.t());
                    out.write((cmd.text() + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    TranscriptReplayReplies.read(in, lines);
                }
                double closeAt = agi.notes.stream().filter(n -> n.text().startsWith(conn + ": service side"))
                        .mapToDouble(TranscriptFile.Note::t).findFirst().orElse(0);
                // The server only shut its side down when the recording goes on to show what Asterisk sent after.
                boolean halfClose = agi.notes.stream().anyMatch(n -> n.text().startsWith(conn + ": service side shutdown"))
                        || agi.agiLines(conn, true).stream().anyMatch(after -> closeAt > 0 && after.t() > closeAt);
                sleepUntil(closeAt);
                if (halfClose) {
                    s.shutdownOutput();
                    while ((l = in.readLine()) != null) {
                        lines.add(l);
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    // ---- results ---------------------------------------------------------------------------------------

    /** The AMI messages the peer sent on a connection (the greeting first). */
    List<AmiMessage> peerAmi(String conn) {
        List<String> lines = new ArrayList<>(amiReceived.getOrDefault(conn, List.of()));
        List<AmiMessage> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean first = true;
        for (String l : lines) {
            if (first) {
                first = false;
                out.add(new AmiMessage().add("Greeting", l));
                continue;
            }
            if (l.isEmpty()) {
                if (!current.isEmpty()) {
                    out.add(AmiMessage.parse(current));
                    current = new ArrayList<>();
                }
            } else {
                current.add(l);
            }
        }
        return out;
    }

    List<AmiMessage> recordedAmi(String conn) {
        return ami.amiMessages(conn, true).stream().map(TranscriptFile.Timed::message).toList();
    }

    List<String> rawPeerAmi(String conn) {
        return amiReceived.getOrDefault(conn, List.of());
    }

    List<String> peerAgi(String conn) {
        return agiReceived.getOrDefault(conn, List.of());
    }

    List<String> recordedAgi(String conn) {
        return agi == null ? List.of() : agi.agiLines(conn, true).stream().map(TranscriptFile.Line::text).toList();
    }

    List<String> agiConnections() {
        return agi == null ? List.of() : agi.connections();
    }

    List<String> amiConnections() {
        return ami.connections();
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        for (Socket s : amiSockets.values()) {
            s.close();
        }
        agiServer.close();
        if (peer != null) {
            peer.close();
        }
    }
}

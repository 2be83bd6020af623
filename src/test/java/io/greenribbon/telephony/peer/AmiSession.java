package io.greenribbon.telephony.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One AMI connection, as manager.c serves it: the greeting, CRLF-framed messages, Login (plain or MD5
 * challenge) with a 1 s delay on failure, "Permission denied" before login or without the write class,
 * events filtered by the user's read classes and the session's Events setting, security events about it
 * to other sessions, and responses that go out before the events the action caused.
 */
final class AmiSession {

    private static final DateTimeFormatter TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'")
            .withZone(ZoneOffset.UTC);

    final PbxCore core;
    private final Socket socket;
    private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    final String sessionId = "0x" + Long.toHexString(0x7f0000000000L + ThreadLocalRandom.current().nextLong(0xffffffffffL));
    final long createdMicros;
    volatile boolean authenticated;
    PeerConfig.AmiUser user;
    Set<String> events = Set.of();
    String challenge;
    private List<String> held;
    private volatile boolean closing;

    AmiSession(PbxCore core, Socket socket) {
        this.core = core;
        this.socket = socket;
        this.createdMicros = core.clock.nowMicros();
    }

    void start() {
        core.sessions.add(this);
        outbox.add("Asterisk Call Manager/11.0.0\r\n");
        Thread writer = new Thread(this::writeLoop, "peer-ami-writer");
        writer.setDaemon(true);
        writer.start();
        Thread reader = new Thread(this::readLoop, "peer-ami-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!lines.isEmpty()) {
                        handle(AmiMessage.parse(lines));
                        lines = new ArrayList<>();
                    }
                } else {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // connection gone
        } finally {
            close();
        }
    }

    private void writeLoop() {
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                String text = outbox.take();
                if (text.isEmpty()) {
                    break;
                }
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // connection gone
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed anyway
            }
            core.sessions.remove(this);
        }
    }

    private void handle(AmiMessage action) {
        String name = action.get("Action").orElse("");
        core.lock.lock();
        try {
            held = new ArrayList<>();
            try {
                new AmiActions(this).handle(name, action);
            } finally {
                List<String> pending = held;
                held = null;
                outbox.addAll(pending);
            }
        } finally {
            core.lock.unlock();
        }
    }

    /** Sends a response or list item (before any event the action caused). Lock held. */
    void send(AmiMessage m) {
        outbox.add(m.render());
    }

    boolean wants(String eventClass) {
        return authenticated && events.contains(eventClass);
    }

    /** An event from the PBX: sent when this session may read its class and asked for events. */
    void deliverEvent(AmiMessage m) {
        if (!authenticated || !events.contains(m.eventClass())) {
            return;
        }
        String text = m.render();
        if (held != null) {
            held.add(text);
        } else {
            outbox.add(text);
        }
    }

    /** Sends directly to this session, bypassing class filters (FullyBooted right after login). */
    void deliverDirect(AmiMessage m) {
        String text = m.render();
        if (held != null) {
            held.add(text);
        } else {
            outbox.add(text);
        }
    }

    /** The Events setting of Login: on (all read classes), off, or a list of classes. */
    void events(String value, Set<String> read) {
        String v = value == null ? "on" : value.strip().toLowerCase();
        if (v.equals("on") || v.equals("yes") || v.equals("true")) {
            events = read;
        } else if (v.equals("off") || v.equals("no") || v.equals("false")) {
            events = Set.of();
        } else {
            Set<String> mask = new HashSet<>(PeerConfig.classes(v));
            mask.retainAll(read);
            events = mask;
        }
    }

    /** A security event about this session, sent to every session that reads "security". */
    void security(String event, String severity, int version, String accountId, String... extra) {
        long now = core.clock.nowMicros();
        AmiMessage m = AmiMessage.event(event)
                .add("EventTV", tv(now))
                .add("Severity", severity)
                .add("Service", "AMI")
                .add("EventVersion", version);
        if (accountId != null) {
            m.add("AccountID", accountId);
        }
        m.add("SessionID", sessionId)
                .add("LocalAddress", "IPV4/TCP/" + address((InetSocketAddress) socket.getLocalSocketAddress()))
                .add("RemoteAddress", "IPV4/TCP/" + address((InetSocketAddress) socket.getRemoteSocketAddress()));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            m.add(extra[i], extra[i + 1]);
        }
        core.emit(m, "security");
    }

    static String tv(long micros) {
        return TV.format(Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000));
    }

    String sessionTv() {
        return authenticated ? tv(createdMicros) : "1970-01-01T00:00:00.000+0000";
    }

    private static String address(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + "/" + a.getPort();
    }

    byte[] remoteAddress() {
        return socket.getInetAddress().getAddress();
    }

    /** Ends the session after what was queued is written. */
    void close() {
        if (closing) {
            return;
        }
        closing = true;
        core.sessions.remove(this);
        outbox.add("");
    }

    /** Closes the TCP connection at once (an AMI drop, or Asterisk going away). */
    void drop() {
        closing = true;
        core.sessions.remove(this);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed anyway
        }
        outbox.add("");
    }

    /** A failed login answers after 1 s (PBX time), then closes. */
    void failLater(AmiMessage response) {
        core.schedule(Duration.ofSeconds(1), () -> {
            send(response);
            close();
        });
    }
}

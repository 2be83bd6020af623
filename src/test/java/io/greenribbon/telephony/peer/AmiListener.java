package io.greenribbon.telephony.peer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An AMI session of a test, logged in with Events on, that keeps every line the peer sends it. */
final class AmiListener {

    private AmiListener() {
    }

    /** Logs in as {@code user} and returns the lines received so far and from now on (filled by a thread). */
    static List<String> listen(AsteriskPeer peer, String user, String secret) throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), peer.amiPort());
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        s.getOutputStream().write(("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = in.readLine()) != null) {
                    lines.add(l);
                }
            } catch (Exception ignored) {
                // peer closed
            }
        });
        t.setDaemon(true);
        t.start();
        long until = System.nanoTime() + 2_000_000_000L;
        while (!lines.contains("Message: Authentication accepted") && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        return lines;
    }

    /** The events among {@code lines}, each as its lines, in order. */
    static List<List<String>> events(List<String> lines) {
        List<List<String>> events = new ArrayList<>();
        List<String> current = null;
        synchronized (lines) {
            for (String line : lines) {
                if (line.startsWith("Event: ")) {
                    current = new ArrayList<>();
                    events.add(current);
                }
                if (line.isEmpty()) {
                    current = null;
                } else if (current != null) {
                    current.add(line);
                }
            }
        }
        return events;
    }
}

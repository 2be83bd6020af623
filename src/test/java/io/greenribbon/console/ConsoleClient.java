package io.greenribbon.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A console as a browser opens it: a plain WebSocket client that cannot set headers and passes its bearer
 * token as a sub-protocol. Collects the messages it receives.
 */
public final class ConsoleClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received;

    private ConsoleClient(WebSocket socket, BlockingQueue<JsonNode> received) {
        this.socket = socket;
        this.received = received;
    }

    /** Connects the way the web console does: token in the sub-protocol, no headers. */
    public static ConsoleClient connect(URI wsUri, String token) {
        String carrier = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer " + token, StandardCharsets.UTF_8);
        return open(HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("bearer-token-carrier", carrier), wsUri);
    }

    /** Connects without credentials. */
    public static ConsoleClient anonymous(URI wsUri) {
        return open(HttpClient.newHttpClient().newWebSocketBuilder(), wsUri);
    }

    private static ConsoleClient open(WebSocket.Builder builder, URI wsUri) {
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        WebSocket socket = builder.connectTimeout(Duration.ofSeconds(10)).buildAsync(wsUri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        received.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).join();
        return new ConsoleClient(socket, received);
    }

    /** The next message, or fails after {@code seconds}. */
    public JsonNode next(int seconds) {
        try {
            JsonNode message = received.poll(seconds, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("No console message within " + seconds + " s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message with {@code topic}, skipping others; fails after {@code seconds}. */
    public JsonNode next(String topic, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode message = next((int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
            if (topic.equals(message.path("topic").asText())) {
                return message;
            }
        }
        throw new AssertionError("No console message on " + topic + " within " + seconds + " s");
    }

    /** Whether a message on {@code topic} about {@code caseId} has arrived by now (does not wait). */
    public boolean received(String topic, long caseId) {
        java.util.List<JsonNode> drained = new java.util.ArrayList<>();
        received.drainTo(drained);
        return drained.stream().anyMatch(m -> topic.equals(m.path("topic").asText())
                && m.path("payload").path("caseId").asLong() == caseId);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    @Override
    public void close() {
        socket.abort();
    }
}

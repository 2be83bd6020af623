package io.greenribbon.telephony.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A tiny control endpoint of the peer, on loopback only, for people watching the local stack:
 *
 * <pre>
 * POST /calls   {"from":"+8613800000001","to":"031160130104","keys":"1",
 *                "answeredBy":"counselor1","ringSeconds":3,"talkSeconds":60}
 *                (the caller hangs up after talking talkSeconds, default 60, with whoever answered)
 * GET  /calls/{uniqueId}
 * POST /phones/{endpoint}  {"registered":true} | {"does":"no-answer"|"busy"|"answer","ringSeconds":2,"talkSeconds":30}
 * GET  /queues/{queue}
 * </pre>
 */
public final class PeerControlServer implements AutoCloseable {

    /** How long a simulated caller talks when {@code talkSeconds} is not given. */
    static final int DEFAULT_TALK_SECONDS = 60;

    private final AsteriskPeer peer;
    private final HttpServer http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, PeerCall> calls = new ConcurrentHashMap<>();

    public PeerControlServer(AsteriskPeer peer, int port) throws IOException {
        this.peer = peer;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.setExecutor(Executors.newFixedThreadPool(2));
        http.createContext("/calls", this::calls);
        http.createContext("/phones/", this::phones);
        http.createContext("/queues/", this::queues);
        http.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void calls(HttpExchange x) throws IOException {
        try {
            if (x.getRequestMethod().equals("POST")) {
                JsonNode body = json.readTree(x.getRequestBody());
                String answeredBy = body.path("answeredBy").asText("");
                if (!answeredBy.isEmpty()) {
                    peer.phone(answeredBy).answersAfter(Duration.ofSeconds(body.path("ringSeconds").asInt(3)));
                }
                // The caller talks with whoever answers (the counsellor, or the backup line when no counsellor
                // did) and then hangs up, as a real caller does: the far end never ends a call by itself.
                CallScript script = CallScript.from(body.path("from").asText("")).to(body.path("to").asText("12356"))
                        .presses(body.path("keys").asText(""))
                        .talksFor(Duration.ofSeconds(body.path("talkSeconds").asInt(DEFAULT_TALK_SECONDS)));
                if (body.hasNonNull("forwardedBy")) {
                    script.forwardedBy(body.get("forwardedBy").asText());
                }
                if (body.hasNonNull("hangUpAfterSeconds")) {
                    script.hangsUpAfter(Duration.ofSeconds(body.get("hangUpAfterSeconds").asLong()));
                }
                if (body.hasNonNull("waitSeconds")) {
                    script.waitsInQueueFor(Duration.ofSeconds(body.get("waitSeconds").asLong()));
                }
                PeerCall call = peer.call(script);
                calls.put(call.uniqueId(), call);
                reply(x, 201, callJson(call));
                return;
            }
            String path = x.getRequestURI().getPath();
            PeerCall call = calls.get(path.substring(path.lastIndexOf('/') + 1));
            if (call == null) {
                reply(x, 404, json.createObjectNode().put("error", "no such call"));
            } else {
                reply(x, 200, callJson(call));
            }
        } catch (RuntimeException e) {
            reply(x, 400, json.createObjectNode().put("error", e.getMessage()));
        }
    }

    private ObjectNode callJson(PeerCall call) {
        ObjectNode out = json.createObjectNode().put("uniqueId", call.uniqueId()).put("channel", call.channelName())
                .put("ended", call.isOver());
        for (String v : new String[]{"HOTLINE_LINE", "HOTLINE_CALL_ID", "QUEUE_PRIO", "AGISTATUS", "AJ_AGISTATUS",
                "HOTLINE_FAILOPEN", "QUEUESTATUS", "DIALSTATUS", "MEMBERINTERFACE"}) {
            String value = call.variable(v);
            if (value != null) {
                out.put(v, value);
            }
        }
        return out;
    }

    private void phones(HttpExchange x) throws IOException {
        try {
            String name = x.getRequestURI().getPath().substring("/phones/".length());
            JsonNode body = json.readTree(x.getRequestBody());
            Phone phone = peer.phone(name);
            if (body.has("registered")) {
                phone.registered(body.get("registered").asBoolean());
            }
            switch (body.path("does").asText("")) {
                case "no-answer" -> phone.doesNotAnswer();
                case "busy" -> phone.isBusy();
                case "answer" -> phone.answersAfter(Duration.ofSeconds(body.path("ringSeconds").asInt(2)),
                        body.path("talkSeconds").asInt(0) > 0 ? Duration.ofSeconds(body.get("talkSeconds").asInt()) : null);
                default -> { }
            }
            reply(x, 200, json.createObjectNode().put("phone", name));
        } catch (RuntimeException e) {
            reply(x, 400, json.createObjectNode().put("error", e.getMessage()));
        }
    }

    private void queues(HttpExchange x) throws IOException {
        String name = x.getRequestURI().getPath().substring("/queues/".length());
        reply(x, 200, json.valueToTree(peer.members(name)));
    }

    private void reply(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        x.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}

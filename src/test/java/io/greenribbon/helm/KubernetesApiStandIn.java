package io.greenribbon.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two answers of a Kubernetes API server that Helm's {@code lookup "v1" "Secret"} needs: the v1
 * resource list and GET of one Secret (or 404). There is no cluster in the tests, and helm-java's
 * template asks one whenever a chart calls lookup; this lets the tests decide what the cluster holds.
 * Helm finds it through the kubeconfig at {@code $KUBECONFIG} (set by Surefire).
 */
final class KubernetesApiStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRETS_PATH = "^/api/v1/namespaces/([^/]+)/secrets/([^/?]+)$";

    private final HttpServer server;
    private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();

    private KubernetesApiStandIn(HttpServer server) {
        this.server = server;
    }

    static KubernetesApiStandIn start() {
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig == null || kubeconfig.isBlank()) {
            throw new IllegalStateException("KUBECONFIG is not set: run the chart tests through Maven (Surefire sets it)");
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            KubernetesApiStandIn api = new KubernetesApiStandIn(http);
            http.createContext("/", api::answer);
            http.start();
            Path config = Path.of(kubeconfig);
            Files.createDirectories(config.toAbsolutePath().getParent());
            Files.writeString(config, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                      - name: stand-in
                        cluster:
                          server: http://127.0.0.1:%d
                    users:
                      - name: stand-in
                        user:
                          token: stand-in
                    contexts:
                      - name: stand-in
                        context:
                          cluster: stand-in
                          user: stand-in
                    current-context: stand-in
                    """.formatted(http.getAddress().getPort()));
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the cluster hold a Secret with these (already base64-encoded) data entries. */
    void putSecret(String namespace, String name, Map<String, String> base64Data) {
        secrets.put(namespace + "/" + name, Map.copyOf(base64Data));
    }

    void clear() {
        secrets.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/v1")) {
            reply(exchange, 200, Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", "v1",
                    "resources", List.of(Map.of("name", "secrets", "singularName", "secret", "namespaced", true,
                            "kind", "Secret", "verbs", List.of("get", "list")))));
        } else if (path.matches(SECRETS_PATH)) {
            String namespace = path.replaceAll(SECRETS_PATH, "$1");
            String name = path.replaceAll(SECRETS_PATH, "$2");
            Map<String, String> data = secrets.get(namespace + "/" + name);
            if (data == null) {
                notFound(exchange, "secrets", name);
            } else {
                reply(exchange, 200, Map.of("kind", "Secret", "apiVersion", "v1", "type", "Opaque",
                        "metadata", Map.of("name", name, "namespace", namespace), "data", data));
            }
        } else {
            notFound(exchange, "", path);
        }
    }

    private static void notFound(HttpExchange exchange, String kind, String name) throws IOException {
        reply(exchange, 404, Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure", "reason", "NotFound",
                "code", 404, "message", kind + " \"" + name + "\" not found",
                "details", Map.of("name", name, "kind", kind)));
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.greenribbon.access;

import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every {@code /api} endpoint: each must declare its access rule, and each refuses a request without
 * a token (401) and, where some role lacks the permission, a token of such a role (403) — both as
 * problem+json. The endpoints come from the OpenAPI document and from the compiled resource classes, and
 * the two lists must agree, so no endpoint escapes the walk.
 */
@QuarkusTest
class EndpointRulesTest {

    /** Bytes, so that RestAssured sends them under any media type (JSON, CSV, octet-stream). */
    private static final byte[] EMPTY_JSON = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Map<String, String> ACCOUNT_OF_ROLE = Map.of(
            Role.HOTLINE_COUNSELLOR, "counsellor1", Role.ROOM_STAFF, "staff1", Role.RISK_SUPERVISOR, "supervisor1",
            Role.HEALTH_OFFICIAL, "official1", Role.ADMIN, "admin1");

    @Test
    void everyEndpointDeclaresARuleAndRefusesStrangers() throws IOException {
        Map<String, Requires> declared = declaredEndpoints();
        Map<String, String> documented = documentedEndpoints();

        assertThat(documented).as("endpoints in the OpenAPI document").isNotEmpty();
        assertThat(declared.keySet()).as("resource methods vs OpenAPI operations").isEqualTo(documented.keySet());
        List<String> withoutRule = declared.entrySet().stream().filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey).toList();
        assertThat(withoutRule).as("endpoints without @Requires").isEmpty();

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Requires> endpoint : declared.entrySet()) {
            String[] parts = endpoint.getKey().split(" ", 2);
            String method = parts[0];
            String path = parts[1].replaceAll("\\{[^}]+}", "1");
            String contentType = documented.get(endpoint.getKey());
            expectProblem(failures, endpoint.getKey() + " without token", 401,
                    given().contentType(contentType).body(EMPTY_JSON).request(method, path));
            expectProblem(failures, endpoint.getKey() + " with a bad token", 401,
                    given().auth().oauth2("not.a.token").contentType(contentType).body(EMPTY_JSON)
                            .request(method, path));
            Permission permission = endpoint.getValue().value();
            for (Map.Entry<String, String> role : ACCOUNT_OF_ROLE.entrySet()) {
                if (!permission.roles().contains(role.getKey())) {
                    expectProblem(failures, endpoint.getKey() + " as " + role.getKey(), 403,
                            given().auth().oauth2(Tokens.of(role.getValue())).contentType(contentType)
                                    .body(EMPTY_JSON).request(method, path));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * The same walk over the web console's pages ({@code /console}): each declares its rule from the same
     * {@link Permission} table; without a session a page sends the browser to Keycloak's login (a page's own
     * script gets 499); a session whose roles lack the permission gets 403 as a page in words; a form sent
     * without the session's form token is refused (CSRF); and every entry of the navigation leads to a page
     * that declares the permission the entry is shown for.
     */
    @Test
    void everyPageDeclaresARuleAndRefusesStrangers() throws IOException {
        Map<String, Requires> pages = declaredEndpoints("/console");
        assertThat(pages).as("console pages").isNotEmpty();
        assertThat(pages.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList())
                .as("pages without @Requires").isEmpty();

        io.greenribbon.web.WebSession stranger = io.greenribbon.web.WebSession.anonymous();
        Map<String, io.greenribbon.web.WebSession> sessions = new java.util.HashMap<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Requires> page : pages.entrySet()) {
            String[] parts = page.getKey().split(" ", 2);
            String method = parts[0];
            String path = parts[1].replaceAll("\\{[^}]+}", "1");
            java.net.http.HttpResponse<String> anonymous = "GET".equals(method) ? stranger.get(path) : stranger.post(path, "");
            if (anonymous.statusCode() != 302 || !anonymous.headers().firstValue("Location").orElse("")
                    .contains("/realms/greenribbon/protocol/openid-connect/auth")) {
                failures.add(page.getKey() + " without a session: " + anonymous.statusCode());
            }
            java.net.http.HttpResponse<String> script = "GET".equals(method)
                    ? stranger.get(path, "X-Requested-With", "JavaScript") : stranger.post(path, "", "X-Requested-With", "JavaScript");
            if (script.statusCode() != 499) {
                failures.add(page.getKey() + " from a page's script without a session: " + script.statusCode());
            }
            Permission permission = page.getValue().value();
            for (Map.Entry<String, String> role : ACCOUNT_OF_ROLE.entrySet()) {
                if (permission.roles().contains(role.getKey())) {
                    continue;
                }
                io.greenribbon.web.WebSession session = sessions.computeIfAbsent(role.getValue(),
                        io.greenribbon.web.WebSession::signIn);
                java.net.http.HttpResponse<String> refused = "GET".equals(method) ? session.get(path)
                        : session.post(path, "_csrf=" + session.csrf());
                if (refused.statusCode() != 403 || !refused.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                        || !refused.body().contains("<h1>")) {
                    failures.add(page.getKey() + " as " + role.getKey() + ": " + refused.statusCode() + " "
                            + refused.headers().firstValue("Content-Type").orElse(""));
                }
            }
            if (!"GET".equals(method)) {
                String holder = ACCOUNT_OF_ROLE.get(permission.roles().contains(Role.HOTLINE_COUNSELLOR)
                        ? Role.HOTLINE_COUNSELLOR : permission.roles().iterator().next());
                io.greenribbon.web.WebSession session = sessions.computeIfAbsent(holder, io.greenribbon.web.WebSession::signIn);
                java.net.http.HttpResponse<String> forged = session.post(path, "");
                if (forged.statusCode() != 403 || !forged.body().contains(io.greenribbon.problem.Messages.text(
                        io.greenribbon.problem.Messages.DEFAULT, "web.csrf.refused"))) {
                    failures.add(page.getKey() + " without the form token: " + forged.statusCode());
                }
            }
        }
        // Every page a counsellor opens: security headers, no inline script, no inline style.
        io.greenribbon.web.WebSession counsellor = sessions.computeIfAbsent("counsellor1", io.greenribbon.web.WebSession::signIn);
        for (String path : List.of("/console/desk", "/console/contacts", "/console/callbacks", "/console/week")) {
            java.net.http.HttpResponse<String> page = counsellor.get(path);
            java.net.http.HttpHeaders headers = page.headers();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            if (page.statusCode() != 200 || !csp.contains("script-src 'self';") || !csp.contains("style-src 'self';")
                    || !csp.contains("frame-ancestors 'none'") || csp.contains("unsafe-inline")
                    || !"nosniff".equals(headers.firstValue("X-Content-Type-Options").orElse(""))
                    || !"no-referrer".equals(headers.firstValue("Referrer-Policy").orElse(""))
                    || !"no-store".equals(headers.firstValue("Cache-Control").orElse(""))) {
                failures.add(path + ": " + page.statusCode() + " " + headers.map());
            }
            if (java.util.regex.Pattern.compile("<script(?![^>]*\\ssrc=)|\\sstyle=|\\son[a-z]+=").matcher(page.body()).find()) {
                failures.add(path + " has inline script or style");
            }
        }
        for (io.greenribbon.web.NavItem item : io.quarkus.arc.Arc.container().instance(io.greenribbon.web.Navigation.class)
                .get().all()) {
            Requires rule = pages.get("GET " + item.path());
            if (rule == null || rule.value() != item.permission()) {
                failures.add("navigation entry " + item.path() + " (" + item.permission() + ") vs page rule " + rule);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void expectProblem(List<String> failures, String what, int status, Response response) {
        if (response.statusCode() != status || !response.contentType().startsWith("application/problem+json")) {
            failures.add(what + ": " + response.statusCode() + " " + response.contentType());
        }
    }

    /** The documented endpoints, each with the media type its request body is sent in. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> documentedEndpoints() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, String> endpoints = new TreeMap<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api")) {
                operations.forEach((method, operation) -> {
                    if (HTTP_METHODS.contains(method.toUpperCase())) {
                        Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) operation).get("requestBody");
                        Map<String, Object> content = body == null ? null : (Map<String, Object>) body.get("content");
                        String type = content == null || content.isEmpty() ? "application/json"
                                : content.keySet().iterator().next();
                        endpoints.put(method.toUpperCase() + " " + path, type);
                    }
                });
            }
        });
        return endpoints;
    }

    /** Every JAX-RS method of the compiled classes under /api, with its rule (null when it has none). */
    static Map<String, Requires> declaredEndpoints() throws IOException {
        return declaredEndpoints("/api");
    }

    /** Every JAX-RS method of the compiled classes under {@code prefix}, with its rule (null when it has none). */
    static Map<String, Requires> declaredEndpoints(String prefix) throws IOException {
        Index index;
        try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
            index = Index.of(files.filter(p -> p.toString().endsWith(".class")).map(Path::toFile).toArray(java.io.File[]::new));
        }
        DotName pathAnnotation = DotName.createSimple(jakarta.ws.rs.Path.class.getName());
        Map<String, Requires> endpoints = new TreeMap<>();
        for (ClassInfo resource : index.getKnownClasses()) {
            AnnotationInstance classPath = resource.declaredAnnotation(pathAnnotation);
            if (classPath == null || !classPath.value().asString().startsWith(prefix)) {
                continue;
            }
            for (MethodInfo method : resource.methods()) {
                for (String http : HTTP_METHODS) {
                    if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + http))) {
                        AnnotationInstance methodPath = method.declaredAnnotation(pathAnnotation);
                        String path = join(classPath.value().asString(),
                                methodPath == null ? "" : methodPath.value().asString());
                        endpoints.put(http + " " + path, requiresOf(resource, method));
                    }
                }
            }
        }
        return endpoints;
    }

    private static Requires requiresOf(ClassInfo resource, MethodInfo method) {
        try {
            Class<?> type = Class.forName(resource.name().toString());
            for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(method.name()) && m.getParameterCount() == method.parametersCount()) {
                    return m.getAnnotation(Requires.class);
                }
            }
            return null;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String base, String sub) {
        String joined = (base + "/" + sub).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{([^:}]+):[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}

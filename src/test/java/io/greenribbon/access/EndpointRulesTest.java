package io.greenribbon.access;

import io.greenribbon.testkit.ApiEndpoints;
import io.greenribbon.testkit.ApiEndpoints.Endpoint;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every {@code /api} endpoint: each must declare its access rule, and each refuses a request without
 * a token (401) and, where some role lacks the permission, a token of such a role (403) — both as
 * problem+json, whatever the path holds (an id, or one too long for any id: a refusal is audited either
 * way). The endpoints come from the OpenAPI document and from the compiled resource classes, and the two
 * lists must agree, so no endpoint escapes the walk.
 */
@QuarkusTest
class EndpointRulesTest {

    /** Bytes, so that RestAssured sends them under any media type (JSON, CSV, octet-stream). */
    private static final byte[] EMPTY_JSON = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    /** Beyond a 64-bit integer and longer than any column an audited refusal records. */
    private static final String NO_ID = "9".repeat(70);

    @Test
    void everyEndpointDeclaresARuleAndRefusesStrangers() {
        Map<String, Requires> declared = ApiEndpoints.declared();
        Map<String, Endpoint> documented = new TreeMap<>();
        ApiEndpoints.served().documented().forEach(e -> documented.put(e.key(), e));

        assertThat(documented).as("endpoints in the OpenAPI document").isNotEmpty();
        assertThat(declared.keySet()).as("resource methods vs OpenAPI operations").isEqualTo(documented.keySet());
        List<String> withoutRule = declared.entrySet().stream().filter(e -> e.getValue() == null)
                .map(Map.Entry::getKey).toList();
        assertThat(withoutRule).as("endpoints without @Requires").isEmpty();

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Requires> rule : declared.entrySet()) {
            Endpoint endpoint = documented.get(rule.getKey());
            String method = endpoint.method();
            String path = endpoint.path(Map.of(), "1");
            String contentType = endpoint.mediaType();
            expectProblem(failures, endpoint.key() + " without token", 401,
                    given().contentType(contentType).body(EMPTY_JSON).request(method, path));
            expectProblem(failures, endpoint.key() + " with a bad token", 401,
                    given().auth().oauth2("not.a.token").contentType(contentType).body(EMPTY_JSON)
                            .request(method, path));
            Permission permission = rule.getValue().value();
            for (Map.Entry<String, String> role : ApiEndpoints.ACCOUNT_OF_ROLE.entrySet()) {
                if (permission.roles().contains(role.getKey())) {
                    continue;
                }
                expectProblem(failures, endpoint.key() + " as " + role.getKey(), 403,
                        given().auth().oauth2(Tokens.of(role.getValue())).contentType(contentType)
                                .body(EMPTY_JSON).request(method, path));
                if (endpoint.path().contains("{")) {
                    expectProblem(failures, endpoint.key() + " as " + role.getKey() + " with no id", 403,
                            given().auth().oauth2(Tokens.of(role.getValue())).contentType(contentType)
                                    .body(EMPTY_JSON).request(method, endpoint.path(Map.of(), NO_ID)));
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
    void everyPageDeclaresARuleAndRefusesStrangers() {
        Map<String, Requires> pages = ApiEndpoints.declared("/console");
        assertThat(pages).as("console pages").isNotEmpty();
        assertThat(pages.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList())
                .as("pages without @Requires").isEmpty();

        Map<String, io.greenribbon.web.WebSession> sessions = new java.util.HashMap<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Requires> page : pages.entrySet()) {
            // A stranger of their own for each page: every redirect to the login leaves a sign-in state cookie,
            // and one client walking every page would send them all at once (431, headers too large).
            io.greenribbon.web.WebSession stranger = io.greenribbon.web.WebSession.anonymous();
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
            for (Map.Entry<String, String> role : ApiEndpoints.ACCOUNT_OF_ROLE.entrySet()) {
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
                String holder = ApiEndpoints.ACCOUNT_OF_ROLE.get(permission.roles().contains(Role.HOTLINE_COUNSELLOR)
                        ? Role.HOTLINE_COUNSELLOR : permission.roles().iterator().next());
                io.greenribbon.web.WebSession session = sessions.computeIfAbsent(holder, io.greenribbon.web.WebSession::signIn);
                java.net.http.HttpResponse<String> forged = session.post(path, "");
                if (forged.statusCode() != 403 || !forged.body().contains(io.greenribbon.problem.Messages.text(
                        io.greenribbon.problem.Messages.DEFAULT, "web.csrf.refused"))) {
                    failures.add(page.getKey() + " without the form token: " + forged.statusCode());
                }
            }
        }
        // Every page a counsellor, a room's staff or a supervisor opens: security headers, no inline script, no
        // inline style.
        long room = io.greenribbon.rooms.RoomFixtures.room(io.greenribbon.rooms.RoomFixtures.VILLAGE, "staff1");
        String day = io.greenribbon.rooms.RoomFixtures.day(3, 0).toString();
        Map<String, String> opened = new java.util.LinkedHashMap<>();
        for (String path : List.of("/console/desk", "/console/contacts", "/console/callbacks", "/console/week")) {
            opened.put(path, "counsellor1");
        }
        for (String path : List.of("/console/rooms", "/console/rooms/" + room, "/console/rooms/" + room + "/details",
                "/console/rooms/" + room + "/book?date=" + day + "&start=09:00&end=10:00")) {
            opened.put(path, "staff1");
        }
        for (String path : List.of("/console/cases", "/console/reviews", "/console/wallboard", "/console/alarm/sound")) {
            opened.put(path, "supervisor1");
        }
        opened.put("/console/access-review", "official1");
        for (Map.Entry<String, String> open : opened.entrySet()) {
            String path = open.getKey();
            java.net.http.HttpResponse<String> page = sessions.computeIfAbsent(open.getValue(),
                    io.greenribbon.web.WebSession::signIn).get(path);
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
}

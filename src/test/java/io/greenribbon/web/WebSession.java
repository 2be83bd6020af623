package io.greenribbon.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A console session without a browser: signs in through Keycloak's own login form over plain HTTP (the same
 * authorization code flow with PKCE a browser goes through) and then asks the console's pages with its
 * session cookie. For tests that walk every page; the browser tests drive a real browser.
 */
public final class WebSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;

    private WebSession(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** A client with no session (cookies kept, redirects not followed). */
    public static WebSession anonymous() {
        return new WebSession(HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build(), Browser.baseUrl());
    }

    /** Signs {@code username} (password demo) in through Keycloak's login form. */
    public static WebSession signIn(String username) {
        WebSession session = anonymous();
        HttpResponse<String> back = session.typePassword(username);
        if (back.statusCode() != 302) {
            throw new AssertionError("Keycloak did not let " + username + " in: " + back.statusCode() + "\n" + back.body());
        }
        // Back at the service with the code, which it exchanges; then on to the page first asked for.
        HttpResponse<String> landed = session.send(HttpRequest.newBuilder(location(back)).GET().build());
        if (landed.statusCode() != 302 || !location(landed).getPath().startsWith("/console")) {
            throw new AssertionError("Sign-in of " + username + " did not complete: " + landed.statusCode() + " "
                    + landed.headers().map());
        }
        return session;
    }

    /**
     * Opens the console, follows it to Keycloak's login page and sends the name and password: Keycloak's
     * answer (a redirect back to the console, or the next step of its flow, such as a one-time code).
     */
    public HttpResponse<String> typePassword(String username) {
        HttpResponse<String> toKeycloak = get("/console");
        if (toKeycloak.statusCode() != 302) {
            throw new AssertionError("Expected a redirect to Keycloak, got " + toKeycloak.statusCode());
        }
        HttpResponse<String> login = send(HttpRequest.newBuilder(location(toKeycloak)).GET().build());
        Matcher action = FORM_ACTION.matcher(login.body());
        if (!action.find()) {
            throw new AssertionError("No Keycloak login form:\n" + login.body());
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=demo&credentialId="))
                .build());
        // Keycloak's own next steps (a required action) are pages of Keycloak: follow them to the first one shown.
        while (answer.statusCode() == 302 && !location(answer).toString().startsWith(base)) {
            answer = send(HttpRequest.newBuilder(location(answer)).GET().build());
        }
        return answer;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> post(String path, String form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** The form token of this session, as its pages carry it. */
    public String csrf() {
        // The console's home leads to the account's first screen, which may lead on (one room: its week).
        HttpResponse<String> page = get("/console");
        for (int hops = 0; hops < 3 && page.statusCode() == 303; hops++) {
            page = get(location(page).getPath());
        }
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("No form token on the first page");
        }
        return m.group(1);
    }

    /**
     * Cookies as a browser keeps them on this machine: Keycloak marks its sign-in cookies Secure, which
     * browsers send to http://localhost and http://127.0.0.1 (a secure context) and Java's CookieManager
     * would not.
     */
    private static final class LoopbackCookies extends CookieManager {
        @Override
        public java.util.Map<String, java.util.List<String>> get(URI uri, java.util.Map<String, java.util.List<String>> headers)
                throws IOException {
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            if (loopback && "http".equals(uri.getScheme())) {
                try {
                    uri = new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
                } catch (java.net.URISyntaxException e) {
                    throw new IOException(e);
                }
            }
            return super.get(uri, headers);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI location(HttpResponse<?> response) {
        return response.uri().resolve(response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("No Location in " + response.statusCode())));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

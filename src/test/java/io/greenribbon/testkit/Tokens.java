package io.greenribbon.testkit;

import io.restassured.RestAssured;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the run's Keycloak for the demo accounts (password {@code demo}). */
public final class Tokens {

    /** Tokens live 300 s in the realm; a run takes longer, so each is reused for four minutes only. */
    private static final long REUSE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(4);
    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private record Issued(String token, long at) {
    }

    private Tokens() {
    }

    public static String of(String username) {
        return CACHE.compute(username, (user, issued) ->
                issued != null && System.nanoTime() - issued.at() < REUSE_NANOS
                        ? issued : new Issued(fetch(user), System.nanoTime())).token();
    }

    /** A token issued just now, bypassing the cache (to see that Keycloak itself answers). */
    public static String fresh(String username) {
        String token = fetch(username);
        CACHE.put(username, new Issued(token, System.nanoTime()));
        return token;
    }

    private static String fetch(String username) {
        String tokenUrl = TestInfrastructure.get().keycloak.issuer() + "/protocol/openid-connect/token";
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "greenribbon-cli")
                .formParam("username", username)
                .formParam("password", "demo")
                .post(tokenUrl)
                .then().statusCode(200)
                .extract().path("access_token");
    }
}

package io.greenribbon.testkit;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

/** The run's Keycloak through its admin API (master realm's bootstrap admin), for what tests do to accounts. */
public final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    private static String token() {
        TestInfrastructure infra = TestInfrastructure.get();
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", infra.keycloakAdminPassword)
                .post(infra.keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String realm() {
        return TestInfrastructure.get().keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
    }

    public static String userId(String username) {
        List<Map<String, Object>> users = RestAssured.given().auth().oauth2(token()).queryParam("username", username)
                .queryParam("exact", true).get(realm() + "/users").then().statusCode(200).extract().path("");
        return (String) users.get(0).get("id");
    }

    /** Ends every Keycloak session of the account (as an idle timeout or an administrator would). */
    public static void endSessions(String username) {
        RestAssured.given().auth().oauth2(token()).post(realm() + "/users/" + userId(username) + "/logout")
                .then().statusCode(204);
    }

    /**
     * How many Keycloak sessions the account has now in which it signed in to {@code clientId} (a test's own
     * API tokens, by the password grant of greenribbon-cli, are sessions of their own).
     */
    public static int sessions(String username, String clientId) {
        List<Map<String, Object>> sessions = RestAssured.given().auth().oauth2(token())
                .get(realm() + "/users/" + userId(username) + "/sessions").then().statusCode(200).extract().path("");
        return (int) sessions.stream().filter(s -> s.get("clients") instanceof Map<?, ?> clients
                && clients.containsValue(clientId)).count();
    }

    /** Binds the realm's browser flow (the sign-in every browser goes through) to the flow {@code alias}. */
    public static void bindBrowserFlow(String alias) {
        RestAssured.given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("browserFlow", alias))
                .put(realm()).then().statusCode(204);
    }

    public static String browserFlow() {
        return RestAssured.given().auth().oauth2(token()).get(realm()).then().statusCode(200).extract().path("browserFlow");
    }

    /** Removes every required action waiting for the account (such as setting up a one-time code). */
    public static void clearRequiredActions(String username) {
        RestAssured.given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("requiredActions", List.of()))
                .put(realm() + "/users/" + userId(username)).then().statusCode(204);
    }

    /** The required actions waiting for the account (e.g. CONFIGURE_TOTP). */
    public static List<String> requiredActions(String username) {
        return RestAssured.given().auth().oauth2(token()).get(realm() + "/users/" + userId(username))
                .then().statusCode(200).extract().path("requiredActions");
    }
}

package io.greenribbon.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenribbon.access.Role;
import io.greenribbon.testkit.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class ConsoleSocketTest {

    @TestHTTPResource("/ws/console")
    URI endpoint;

    @Inject
    ConsoleBroadcaster broadcaster;

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }

    @Test
    void aBrowserStyleConsoleWithARealTokenReceivesWhatIsMeantForItsAccountOnly() {
        try (ConsoleClient supervisor = ConsoleClient.connect(ws(), Tokens.of("supervisor1"));
             ConsoleClient counsellor = ConsoleClient.connect(ws(), Tokens.of("counsellor1"))) {
            assertThat(supervisor.subprotocol()).isEqualTo("bearer-token-carrier");
            assertThat(supervisor.next("console.ready", 10).path("payload").path("username").asText())
                    .isEqualTo("supervisor1");
            counsellor.next("console.ready", 10);

            broadcaster.publish("risk.alert", Map.of("caseId", 41, "level", "IMMINENT"),
                    Audience.users(Set.of("supervisor1"))).await().indefinitely();
            broadcaster.publish("test.for-counsellors", Map.of("n", 2),
                    Audience.rolesGoverning("130104001001", Role.HOTLINE_COUNSELLOR)).await().indefinitely();

            JsonNode alert = supervisor.next(10);
            assertThat(alert.path("topic").asText()).isEqualTo("risk.alert");
            assertThat(alert.path("payload").path("caseId").asInt()).isEqualTo(41);
            assertThat(alert.has("audience")).isFalse();
            // Messages arrive in publication order: the counsellor's first one is the second message.
            assertThat(counsellor.next(10).path("topic").asText()).isEqualTo("test.for-counsellors");
        }
    }

    @Test
    void aXinhuaCounsellorIsNotInAQiaoxiRoleAudience() {
        try (ConsoleClient xinhua = ConsoleClient.connect(ws(), Tokens.of("counsellor2"))) {
            xinhua.next("console.ready", 10);
            broadcaster.publish("test.qiaoxi", Map.of(), Audience.rolesGoverning("130104", Role.HOTLINE_COUNSELLOR))
                    .await().indefinitely();
            broadcaster.publish("test.all-counsellors", Map.of(), Audience.rolesGoverning(null, Role.HOTLINE_COUNSELLOR))
                    .await().indefinitely();
            assertThat(xinhua.next(10).path("topic").asText()).isEqualTo("test.all-counsellors");
        }
    }

    @Test
    void answersPingsAndRejectsAForeignTokenOnRefresh() {
        try (ConsoleClient console = ConsoleClient.connect(ws(), Tokens.of("supervisor1"))) {
            console.next("console.ready", 10);
            console.send("{\"type\":\"ping\"}");
            assertThat(console.next(10).path("topic").asText()).isEqualTo("console.pong");
            console.send("{\"type\":\"refresh-token\",\"token\":\"" + Tokens.of("supervisor1") + "\"}");
            assertThat(console.next(10).path("topic").asText()).isEqualTo("console.token-refreshed");
            console.send("{\"type\":\"refresh-token\",\"token\":\"not-a-token\"}");
            JsonNode rejected = console.next(10);
            assertThat(rejected.path("topic").asText()).isEqualTo("console.error");
            assertThat(rejected.path("payload").path("code").asText()).isEqualTo("token-rejected");
        }
    }

    @Test
    void theUpgradeIsRefusedWithoutAValidToken() {
        assertThatThrownBy(() -> ConsoleClient.anonymous(ws()))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> ConsoleClient.connect(ws(), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
    }
}

package io.greenribbon.console;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.WebSocketSecurity;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.util.Map;

/**
 * The live stream for staff consoles. The upgrade needs a bearer token of the greenribbon realm: in the
 * {@code Authorization} header, or (browsers cannot set headers on a WebSocket) as the sub-protocols
 * {@code bearer-token-carrier} and {@code quarkus-http-upgrade#Authorization#Bearer <token>} (URL-encoded).
 * The connection closes when its token expires, unless the console sends a fresh one first:
 * {@code {"type":"refresh-token","token":"..."}}.
 */
@WebSocket(path = "/ws/console")
@Authenticated
public class ConsoleSocket {

    /** A message a console sends: {@code refresh-token} (with {@code token}) or {@code ping}. */
    public record ClientMessage(String type, String token) {
    }

    private final ConsoleConnections consoles;
    private final SecurityIdentity identity;
    private final WebSocketSecurity security;
    private final Clock clock;

    public ConsoleSocket(ConsoleConnections consoles, SecurityIdentity identity, WebSocketSecurity security, Clock clock) {
        this.consoles = consoles;
        this.identity = identity;
        this.security = security;
        this.clock = clock;
    }

    @OnOpen
    public ConsoleMessage onOpen(WebSocketConnection connection) {
        Actor actor = AccessDecision.fromIdentity(identity);
        consoles.register(connection, actor);
        return new ConsoleMessage("console.ready", clock.instant(), Map.of("username", actor.username()));
    }

    @OnTextMessage
    public Uni<ConsoleMessage> onMessage(ClientMessage message, WebSocketConnection connection) {
        if (message == null || message.type() == null) {
            return Uni.createFrom().item(error("unknown-message"));
        }
        return switch (message.type()) {
            case "ping" -> Uni.createFrom().item(new ConsoleMessage("console.pong", clock.instant(), Map.of()));
            case "refresh-token" -> refresh(message.token(), connection);
            default -> Uni.createFrom().item(error("unknown-message"));
        };
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        consoles.unregister(connection);
    }

    /** A fresh token for the same account keeps the connection open past the old token's expiry. */
    private Uni<ConsoleMessage> refresh(String token, WebSocketConnection connection) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(error("token-missing"));
        }
        return Uni.createFrom().completionStage(() -> security.updateSecurityIdentity(token))
                .map(updated -> {
                    consoles.register(connection, AccessDecision.fromIdentity(updated));
                    return new ConsoleMessage("console.token-refreshed", clock.instant(), Map.of());
                })
                .onFailure().recoverWithItem(failure -> error("token-rejected"));
    }

    private ConsoleMessage error(String code) {
        return new ConsoleMessage("console.error", clock.instant(), Map.of("code", code));
    }
}

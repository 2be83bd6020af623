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
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The console stream for the web console's pages: the same messages as {@code /ws/console}, to the same
 * audiences, for a browser signed in with the console's session cookie instead of a bearer token (the
 * upgrade is under {@code /console}, the pages' sign-in). A page opened from another site is refused (the
 * {@code Origin} must be this service), and the connection closes when the session's tokens expire: the
 * page then checks its session and connects again (static/console.js).
 */
@WebSocket(path = "/console/live")
@Authenticated
public class PageSocket {

    private static final Logger LOG = Logger.getLogger(PageSocket.class);

    private final ConsoleConnections consoles;
    private final SecurityIdentity identity;
    private final Clock clock;

    public PageSocket(ConsoleConnections consoles, SecurityIdentity identity, Clock clock) {
        this.consoles = consoles;
        this.identity = identity;
        this.clock = clock;
    }

    @OnOpen
    public ConsoleMessage onOpen(WebSocketConnection connection) {
        if (!sameOrigin(connection)) {
            LOG.warnf("Console stream refused: Origin %s is not this service", connection.handshakeRequest().header("Origin"));
            connection.close().subscribe().with(v -> { }, e -> { });
            return null;
        }
        Actor actor = AccessDecision.fromIdentity(identity);
        consoles.register(connection, actor);
        return new ConsoleMessage("console.ready", clock.instant(), Map.of("username", actor.username()));
    }

    /** Pings keep proxies from closing a quiet connection; nothing else is read from a page. */
    @OnTextMessage
    public ConsoleMessage onMessage(String message) {
        return new ConsoleMessage("console.pong", clock.instant(), Map.of());
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        consoles.unregister(connection);
    }

    static boolean sameOrigin(WebSocketConnection connection) {
        String origin = connection.handshakeRequest().header("Origin");
        String host = connection.handshakeRequest().header("Host");
        if (origin == null || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            return originHost.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

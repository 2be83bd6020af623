package io.greenribbon.console;

import io.greenribbon.access.Actor;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The consoles connected to this replica, each with the account it signed in as. */
@ApplicationScoped
public class ConsoleConnections {

    private static final Logger LOG = Logger.getLogger(ConsoleConnections.class);

    private record Console(WebSocketConnection connection, Actor actor) {
    }

    private final Map<String, Console> consoles = new ConcurrentHashMap<>();

    void register(WebSocketConnection connection, Actor actor) {
        consoles.put(connection.id(), new Console(connection, actor));
    }

    void unregister(WebSocketConnection connection) {
        consoles.remove(connection.id());
    }

    /** Sends {@code json} to every open console whose account is in {@code audience}; returns how many. */
    int deliver(String json, Audience audience) {
        int sent = 0;
        for (Console console : consoles.values()) {
            if (!console.connection().isOpen()) {
                consoles.remove(console.connection().id());
            } else if (audience.test(console.actor())) {
                console.connection().sendText(json).subscribe().with(ok -> {
                }, failure -> LOG.debugf("console %s: send failed: %s", console.connection().id(), failure.getMessage()));
                sent++;
            }
        }
        return sent;
    }

    public int size() {
        return consoles.size();
    }
}

package io.greenribbon.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Listens on the console notification channel and hands every message to the consoles connected to this
 * replica whose account is in the message's audience. The listening connection reconnects by itself.
 */
@ApplicationScoped
public class ConsoleFanout {

    private static final Logger LOG = Logger.getLogger(ConsoleFanout.class);

    private final Vertx vertx;
    private final ObjectMapper json;
    private final ConsoleConnections consoles;
    private final ConsoleConfig config;
    private final String reactiveUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile PgSubscriber subscriber;

    public ConsoleFanout(Vertx vertx, ObjectMapper json, ConsoleConnections consoles, ConsoleConfig config,
                         @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
                         @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                         @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.json = json;
        this.consoles = consoles;
        this.config = config;
        this.reactiveUrl = reactiveUrl;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        long delay = Math.max(100, config.reconnectDelay().toMillis());
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> delay);
        subscriber.channel(config.channel()).handler(this::deliver);
        subscriber.closeHandler(v -> LOG.warn("Console notifications: listening connection closed"));
        subscriber.connect().onFailure(e -> LOG.errorf("Console notifications: cannot listen: %s", e.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** Whether this replica currently receives the messages other replicas publish. */
    public boolean listening() {
        return subscriber != null && !subscriber.closed() && subscriber.actualConnection() != null;
    }

    /** Hands one notification to this replica's consoles; returns how many received it. */
    int deliver(String notification) {
        try {
            JsonNode envelope = json.readTree(notification);
            Audience audience = json.treeToValue(envelope.get("audience"), Audience.class);
            return consoles.deliver(json.writeValueAsString(envelope.get("message")), audience);
        } catch (Exception e) {
            LOG.errorf("Console notification dropped, unreadable: %s", e.getMessage());
            return 0;
        }
    }
}

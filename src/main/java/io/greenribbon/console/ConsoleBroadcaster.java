package io.greenribbon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Pushes messages to the connected consoles of an {@link Audience}, on every replica: a message goes out
 * as a PostgreSQL notification, and each replica's {@link ConsoleFanout} hands it to its own consoles.
 * Messages published inside a database transaction ({@link #notification} with {@code pg_notify}) go out
 * only if that transaction commits.
 */
@ApplicationScoped
public class ConsoleBroadcaster {

    private static final Logger LOG = Logger.getLogger(ConsoleBroadcaster.class);
    /** PostgreSQL refuses notification payloads of 8000 bytes or more. */
    static final int MAX_NOTIFICATION_BYTES = 7900;

    /** What travels between replicas: the message and who it is for. */
    record Envelope(ConsoleMessage message, Audience audience) {
    }

    private final Pool pool;
    private final ObjectMapper json;
    private final ConsoleFanout fanout;
    private final ConsoleConfig config;
    private final Clock clock;

    public ConsoleBroadcaster(Pool pool, ObjectMapper json, ConsoleFanout fanout, ConsoleConfig config, Clock clock) {
        this.pool = pool;
        this.json = json;
        this.fanout = fanout;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Publishes {@code payload} under {@code topic} to the consoles of {@code audience}. Completes when
     * the notification is sent; when the database cannot take it, this replica's consoles still get it.
     */
    public Uni<Void> publish(String topic, Object payload, Audience audience) {
        String notification = notification(topic, payload, audience);
        return pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(config.channel(), notification))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Console message %s not sent to other replicas (%s); delivering locally", topic,
                            failure.getMessage());
                    fanout.deliver(notification);
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * The notification text for {@code SELECT pg_notify(channel(), text)} inside a caller's own
     * transaction, so that the message leaves only when that transaction commits.
     */
    public String notification(String topic, Object payload, Audience audience) {
        try {
            String text = json.writeValueAsString(new Envelope(new ConsoleMessage(topic, clock.instant(), payload),
                    audience));
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_NOTIFICATION_BYTES) {
                throw new IllegalArgumentException("Console message " + topic + " is too large: send ids, not records");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Console message " + topic + " cannot be written as JSON", e);
        }
    }

    /** The notification channel, for {@code pg_notify} inside a caller's transaction. */
    public String channel() {
        return config.channel();
    }
}

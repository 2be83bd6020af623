package io.greenribbon.telephony.pbx;

import io.agroal.api.AgroalDataSource;
import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.telephony.TelephonyConfig;
import io.greenribbon.telephony.ami.AmiLeadership;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Commands for a PBX that another deployment serves. Any replica of any deployment may be asked to change
 * a counsellor whose queues are on another city's PBX, or to ring a phone registered there; it writes the
 * command into {@code telephony_pbx_command} (sealed) and notifies. The event leader of the deployment that
 * serves that PBX takes its commands (on the notification, and every check interval in case one was missed)
 * and carries them out through its {@link PbxCommandHandler}s, over its own AMI link. A command is taken once:
 * the taking statement deletes it.
 */
@ApplicationScoped
public class PbxRelay {

    private static final Logger LOG = Logger.getLogger(PbxRelay.class);
    static final String CHANNEL = "greenribbon_pbx_command";
    private static final String SEAL = "telephony_pbx_command.payload";

    private final Pool pool;
    private final AgroalDataSource dataSource;
    private final FieldCipher cipher;
    private final TelephonyConfig config;
    private final AmiLeadership leadership;
    private final Instance<PbxCommandHandler> handlerBeans;
    private final Vertx vertx;
    private final String reactiveUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final AtomicBoolean pending = new AtomicBoolean();
    private Map<String, PbxCommandHandler> handlers = Map.of();
    private ScheduledExecutorService worker;
    private PgSubscriber subscriber;

    public PbxRelay(Pool pool, AgroalDataSource dataSource, FieldCipher cipher, TelephonyConfig config,
                    AmiLeadership leadership, Instance<PbxCommandHandler> handlerBeans, Vertx vertx,
                    @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
                    @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                    @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.pool = pool;
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.config = config;
        this.leadership = leadership;
        this.handlerBeans = handlerBeans;
        this.vertx = vertx;
        this.reactiveUrl = reactiveUrl;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!config.ami().enabled()) {
            return;
        }
        handlers = handlerBeans.stream().collect(Collectors.toUnmodifiableMap(PbxCommandHandler::kind, Function.identity()));
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pbx-relay");
            t.setDaemon(true);
            return t;
        });
        long every = config.leader().checkInterval().toMillis();
        worker.scheduleWithFixedDelay(this::takeMine, every, every, TimeUnit.MILLISECONDS);
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> every);
        subscriber.channel(CHANNEL).handler(pbx -> {
            if (config.pbxId().equals(pbx)) {
                wake();
            }
        });
        subscriber.connect().onFailure(e -> LOG.warnf("PBX commands: cannot listen (taken every %s instead): %s",
                config.leader().checkInterval(), e.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /**
     * Hands a command to the deployment serving {@code pbxId}: written and notified in one transaction.
     * Completes once it is written; it is carried out when that deployment's leader takes it.
     */
    public Uni<Void> send(String pbxId, String kind, String payload) {
        String id = UUID.randomUUID().toString();
        String sealed = cipher.seal(payload, SEAL);
        return pool.withTransaction(c -> c.preparedQuery("""
                                INSERT INTO telephony_pbx_command (id, pbx_id, kind, payload) VALUES ($1, $2, $3, $4)""")
                        .execute(Tuple.of(id, pbxId, kind, sealed))
                        .chain(() -> c.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(CHANNEL, pbxId))))
                .replaceWithVoid();
    }

    private void wake() {
        if (worker != null && pending.compareAndSet(false, true)) {
            worker.execute(this::takeMine);
        }
    }

    /** On the leader: takes this PBX's commands, oldest first, and carries them out. */
    void takeMine() {
        pending.set(false);
        if (!leadership.leader()) {
            return;
        }
        List<Taken> taken;
        try {
            taken = take();
        } catch (SQLException e) {
            LOG.warnf("Could not take the commands for PBX %s (retried): %s", config.pbxId(), e.getMessage());
            return;
        }
        for (Taken command : taken) {
            PbxCommandHandler handler = handlers.get(command.kind());
            if (handler == null) {
                LOG.errorf("A %s command for PBX %s was dropped: this version has no handler for it", command.kind(),
                        config.pbxId());
                continue;
            }
            try {
                handler.handle(cipher.open(command.payload(), SEAL), command.age());
            } catch (RuntimeException e) {
                LOG.warnf("A %s command for PBX %s failed: %s", command.kind(), config.pbxId(), e.getMessage());
            }
        }
    }

    private record Taken(String kind, String payload, Duration age) {
    }

    private List<Taken> take() throws SQLException {
        List<Taken> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     DELETE FROM telephony_pbx_command WHERE pbx_id = ?
                     RETURNING kind, payload, extract(epoch FROM now() - created_at)""");
             PreparedStatement abandoned = c.prepareStatement(
                     "DELETE FROM telephony_pbx_command WHERE created_at < now() - interval '1 hour'")) {
            c.setAutoCommit(true);
            ps.setString(1, config.pbxId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Taken(rs.getString(1), rs.getString(2),
                            Duration.ofMillis(Math.round(rs.getDouble(3) * 1000))));
                }
            }
            // Commands for a PBX whose deployment is gone: a call that late is never placed, and a presence
            // change is that deployment's resynchronisation's when it comes back. Their numbers go with them.
            abandoned.executeUpdate();
        }
        out.sort(Comparator.comparing(Taken::age).reversed());
        return out;
    }
}

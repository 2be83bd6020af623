package io.greenribbon.telephony.pbx;

import io.agroal.api.AgroalDataSource;
import io.greenribbon.telephony.TelephonyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * This deployment's claim on its PBX ({@code greenribbon.telephony.pbx-id}) in table {@code telephony_pbx}:
 * every replica renews it every check interval, so any live replica keeps it. A deployment finding the PBX
 * claimed by another deployment whose claim is alive is refused: its AMI link does not connect and it is not
 * ready, so two deployments never reconcile, resync or command one PBX. It takes the PBX over only when the
 * other's claim has gone unrenewed for {@code claim-expires-after} on two looks in a row (the other
 * deployment is gone; after a database outage the live holder renews first). A database that cannot be
 * reached leaves the claim as it was.
 */
@ApplicationScoped
public class PbxClaim {

    private static final Logger LOG = Logger.getLogger(PbxClaim.class);
    /** A DNS label Asterisk's systemname (at most 19 characters) and Kubernetes names can both carry. */
    static final Pattern PBX_ID = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,17}[a-z0-9])?$");

    /** Where the claim stands. */
    public enum State {
        /** Not known yet: the database has not answered since the start. */
        PENDING,
        /** This deployment serves the PBX. */
        HELD,
        /** Another deployment serves the PBX and its claim is alive. */
        REFUSED
    }

    private static final String CLAIM = """
            INSERT INTO telephony_pbx (pbx_id, deployment_id, claimed_at, renewed_at) VALUES (?, ?, now(), now())
            ON CONFLICT (pbx_id) DO UPDATE SET renewed_at = now(), deployment_id = EXCLUDED.deployment_id,
                claimed_at = CASE WHEN telephony_pbx.deployment_id = EXCLUDED.deployment_id
                                  THEN telephony_pbx.claimed_at ELSE now() END
            WHERE telephony_pbx.deployment_id = EXCLUDED.deployment_id
               OR (telephony_pbx.renewed_at < now() - make_interval(secs => ?) AND telephony_pbx.renewed_at = ?)
            RETURNING deployment_id""";

    private final AgroalDataSource dataSource;
    private final TelephonyConfig config;
    private final PbxDirectory directory;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;
    private volatile State state = State.PENDING;
    private volatile String holder;
    private volatile Instant holderRenewedAt;
    /** The other deployment's last renewal as seen on the previous look (a takeover needs it twice). */
    private OffsetDateTime staleSeen;
    private boolean databaseFailureLogged;

    public PbxClaim(AgroalDataSource dataSource, TelephonyConfig config, PbxDirectory directory) {
        this.dataSource = dataSource;
        this.config = config;
        this.directory = directory;
    }

    void start(@Observes @Priority(90) StartupEvent event) {
        if (!config.ami().enabled()) {
            return;
        }
        if (!PBX_ID.matcher(config.pbxId()).matches()) {
            throw new IllegalStateException("greenribbon.telephony.pbx-id '" + config.pbxId() + "' is not a PBX id: "
                    + "lowercase letters, digits and '-', at most 19 characters (the PBX's systemname)");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pbx-claim");
            t.setDaemon(true);
            return t;
        });
        // The first look runs before the AMI link starts, so that a refused deployment never connects.
        try {
            timer.submit(this::renew).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("The claim on PBX %s is not known yet: %s", config.pbxId(), e.getMessage());
        }
        long every = config.leader().checkInterval().toMillis();
        timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Tells {@code listener} (on the claim's thread) whenever the claim is held (true) or lost (false). */
    public void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    public State state() {
        return state;
    }

    public boolean held() {
        return state == State.HELD;
    }

    /** The deployment serving the PBX when this one is refused. */
    public Optional<String> holder() {
        return Optional.ofNullable(holder);
    }

    /** Why this deployment does not serve its PBX, for readiness and logs; empty when it does. */
    public Optional<String> problem() {
        return switch (state) {
            case HELD -> Optional.empty();
            case PENDING -> Optional.of("the claim on PBX " + config.pbxId() + " is not known yet (database)");
            case REFUSED -> Optional.of("PBX " + config.pbxId() + " is served by deployment " + holder
                    + " (claim renewed " + holderRenewedAt + "); this deployment (" + config.deploymentId()
                    + ") sends nothing to it");
        };
    }

    void renew() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            boolean held = claim(c);
            directory.refresh(load(c));
            databaseFailureLogged = false;
            if (held) {
                staleSeen = null;
                change(State.HELD);
            } else {
                PbxDirectory.Entry other = directory.entries().get(config.pbxId());
                holder = other == null ? null : other.deploymentId();
                holderRenewedAt = other == null ? null : other.renewedAt();
                staleSeen = other == null ? null : other.renewedAt().atOffset(ZoneOffset.UTC);
                change(State.REFUSED);
            }
        } catch (SQLException | RuntimeException e) {
            if (!databaseFailureLogged) {
                LOG.warnf("Could not renew the claim on PBX %s (kept as it was: %s): %s", config.pbxId(), state,
                        e.getMessage());
                databaseFailureLogged = true;
            }
        }
    }

    private boolean claim(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, config.pbxId());
            ps.setString(2, config.deploymentId());
            ps.setDouble(3, config.leader().claimExpiresAfter().toMillis() / 1000.0);
            ps.setObject(4, staleSeen, Types.TIMESTAMP_WITH_TIMEZONE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<String, PbxDirectory.Entry> load(Connection c) throws SQLException {
        Map<String, PbxDirectory.Entry> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pbx_id, deployment_id, renewed_at, queues FROM telephony_pbx");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Array queues = rs.getArray(4);
                out.put(rs.getString(1), new PbxDirectory.Entry(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), Set.copyOf(Arrays.asList((String[]) queues.getArray()))));
            }
        }
        return out;
    }

    private void change(State next) {
        State previous = state;
        state = next;
        if (previous == next) {
            return;
        }
        if (next == State.HELD) {
            LOG.infof("This deployment (%s) serves PBX %s", config.deploymentId(), config.pbxId());
        } else {
            LOG.errorf("PBX %s is claimed by deployment %s, whose claim is alive (renewed %s): this deployment (%s) "
                    + "does not connect to it and is not ready. Give each deployment the pbx-id of its own PBX "
                    + "(greenribbon.telephony.pbx-id, the PBX's systemname), or stop the other deployment.",
                    config.pbxId(), holder, holderRenewedAt, config.deploymentId());
        }
        boolean held = next == State.HELD;
        if (held || previous == State.HELD) {
            listeners.forEach(l -> l.accept(held));
        }
    }
}

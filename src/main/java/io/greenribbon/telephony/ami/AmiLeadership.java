package io.greenribbon.telephony.ami;

import io.agroal.api.AgroalDataSource;
import io.greenribbon.telephony.TelephonyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Elects the one replica that consumes AMI events into the domain: it holds a PostgreSQL session-level
 * advisory lock on a connection it keeps open. If that connection breaks, the lock is released by
 * PostgreSQL and another replica takes over within a check interval. Every replica keeps its AMI link
 * (to send commands) and serves FastAGI.
 */
@ApplicationScoped
public class AmiLeadership {

    private static final Logger LOG = Logger.getLogger(AmiLeadership.class);

    private final AgroalDataSource dataSource;
    private final TelephonyConfig config;
    private final PbxEventDispatcher dispatcher;
    private final AmiLink link;
    private ScheduledExecutorService timer;
    private Connection connection;
    private volatile boolean leader;

    public AmiLeadership(AgroalDataSource dataSource, TelephonyConfig config, PbxEventDispatcher dispatcher, AmiLink link) {
        this.dataSource = dataSource;
        this.config = config;
        this.dispatcher = dispatcher;
        this.link = link;
    }

    void start(@Observes StartupEvent event) {
        if (!config.ami().enabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ami-leadership");
            t.setDaemon(true);
            return t;
        });
        long every = config.leader().checkInterval().toMillis();
        timer.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        release();
    }

    public boolean leader() {
        return leader;
    }

    private void check() {
        try {
            if (leader) {
                if (!stillHeld()) {
                    lost("the lock's database connection failed");
                }
                return;
            }
            if (connection == null || connection.isClosed()) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, config.leader().lockKey());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        leader = true;
                        LOG.info("This replica now consumes the PBX's events (AMI leader)");
                        dispatcher.leading(true);
                        link.leadershipGained();
                    }
                }
            }
        } catch (SQLException e) {
            if (leader) {
                lost(e.getMessage());
            } else {
                LOG.debugf("Could not try the AMI leader lock: %s", e.getMessage());
            }
            release();
        }
    }

    private boolean stillHeld() {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted")) {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private void lost(String why) {
        leader = false;
        dispatcher.leading(false);
        LOG.warnf("This replica no longer consumes the PBX's events: %s", why);
        release();
    }

    private void release() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the lock goes with the connection
            }
            connection = null;
        }
    }
}

package io.greenribbon.telephony.ami;

import io.agroal.api.AgroalDataSource;
import io.greenribbon.telephony.TelephonyConfig;
import io.greenribbon.telephony.pbx.PbxClaim;
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
 * advisory lock on a connection it keeps open, keyed by the PBX ({@code leader.lock-key}, a hash of the
 * pbx-id), so the deployments of a province elect one leader per PBX. If that connection breaks, the lock
 * is released by PostgreSQL and another replica takes over within a check interval. Only a deployment that
 * holds its claim on the PBX ({@link PbxClaim}) leads. Every replica keeps its AMI link (to send commands)
 * and serves FastAGI.
 *
 * <p>When the lock's connection breaks because the database itself is down or restarting, nobody can hold
 * the lock, and the PBX's events must still reach the journal that keeps them until the database is back:
 * the leader goes on consuming them ("holding over") and takes its lock back as soon as the database
 * answers; only if another replica took it first does it stop. (The claim, which cannot be renewed either,
 * stays as it was.) A replica that could not reach the database waits one check interval once it can
 * before it tries the lock, so that the former leader, with the events it held, takes it back first.
 */
@ApplicationScoped
public class AmiLeadership {

    private static final Logger LOG = Logger.getLogger(AmiLeadership.class);

    private final AgroalDataSource dataSource;
    private final TelephonyConfig config;
    private final PbxEventDispatcher dispatcher;
    private final AmiLink link;
    private final PbxClaim claim;
    private ScheduledExecutorService timer;
    private Connection connection;
    private volatile boolean leader;
    private volatile boolean holdingOver;
    private boolean databaseWasUnreachable;

    private enum Attempt { TAKEN, HELD_ELSEWHERE, UNREACHABLE }

    public AmiLeadership(AgroalDataSource dataSource, TelephonyConfig config, PbxEventDispatcher dispatcher, AmiLink link,
                         PbxClaim claim) {
        this.dataSource = dataSource;
        this.config = config;
        this.dispatcher = dispatcher;
        this.link = link;
        this.claim = claim;
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

    /** Whether this replica consumes events while the database cannot be reached to confirm its lock. */
    public boolean holdingOver() {
        return holdingOver;
    }

    private void check() {
        try {
            checkOnce();
        } catch (RuntimeException e) {
            // The timer must keep running: an exception would cancel its later checks.
            LOG.warnf(e, "The AMI leader check failed");
        }
    }

    private void checkOnce() {
        if (!claim.held()) {
            if (leader) {
                holdingOver = false;
                lost("another deployment serves PBX " + config.pbxId());
            }
            return;
        }
        if (leader) {
            if (!holdingOver && connection != null && stillHeld()) {
                return;
            }
            retake();
            return;
        }
        if (databaseWasUnreachable) {
            // Give a former leader that held events through the outage one interval to take its lock back.
            databaseWasUnreachable = !reachable();
            return;
        }
        Attempt attempt = tryLock();
        if (attempt == Attempt.TAKEN) {
            leader = true;
            LOG.info("This replica now consumes the PBX's events (AMI leader)");
            dispatcher.leading(true);
            link.leadershipGained();
        } else if (attempt == Attempt.UNREACHABLE) {
            databaseWasUnreachable = true;
        }
    }

    /** The lock's connection failed: take the lock again, or hold over while the database is unreachable. */
    private void retake() {
        release();
        switch (tryLock()) {
            case TAKEN -> {
                if (holdingOver) {
                    LOG.info("The database is back: this replica holds the AMI leader lock again");
                }
                holdingOver = false;
                // Events may have been missed or held meanwhile: resynchronise as after a reconnect.
                link.leadershipGained();
            }
            case HELD_ELSEWHERE -> {
                holdingOver = false;
                lost("another replica took the lock while this one could not reach the database");
            }
            case UNREACHABLE -> {
                if (!holdingOver) {
                    holdingOver = true;
                    LOG.warn("The AMI leader lock's database connection failed and the database cannot be reached: "
                            + "this replica goes on consuming the PBX's events until it can take the lock back");
                }
            }
        }
    }

    private Attempt tryLock() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                ps.setInt(1, config.leader().lockKey());
                ps.setString(2, config.pbxId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1) ? Attempt.TAKEN : Attempt.HELD_ELSEWHERE;
                }
            }
        } catch (SQLException e) {
            LOG.debugf("Could not try the AMI leader lock: %s", e.getMessage());
            release();
            return Attempt.UNREACHABLE;
        }
    }

    private boolean reachable() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            release();
            return false;
        }
    }

    private boolean stillHeld() {
        // The two-key form of the lock shows as classid = key 1, objid = key 2, objsubid = 2.
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                   AND classid = cast(cast(? AS int) AS oid) AND objid = cast(hashtext(?) AS oid) AND objsubid = 2""")) {
            ps.setInt(1, config.leader().lockKey());
            ps.setString(2, config.pbxId());
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

    /**
     * Gives the lock's connection back. The connection goes back to the pool, not to PostgreSQL, and a
     * session-level lock stays with the session: unlocked first, or an idle pooled connection would keep
     * the lock from every replica, this one included, until the pool happened to lend it to this timer again.
     */
    private void release() {
        if (connection != null) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
                ps.setInt(1, config.leader().lockKey());
                ps.setString(2, config.pbxId());
                ps.execute();
            } catch (SQLException e) {
                LOG.debugf("The AMI leader lock's connection is gone, and the lock with it: %s", e.getMessage());
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection is discarded by the pool
            }
            connection = null;
        }
    }
}

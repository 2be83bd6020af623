package io.greenribbon.telephony.journal;

import io.greenribbon.problem.Failures;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a database that is down, restarting or unreachable from a failure of the work itself. A
 * connection that was refused, cut or never answered, or a server that says it is shutting down or
 * starting, is an outage; for any other failure the database is asked directly (one {@code SELECT 1}
 * on the service's pool), so that an outage reported in an unexpected shape is still one.
 */
@ApplicationScoped
public class DatabaseOutage implements EventLane.Database {

    private static final Duration PROBE_WITHIN = Duration.ofSeconds(3);
    /** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, and class 08: connection. */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String[] LOST_CONNECTION = {"connection refused", "connection closed", "connection reset",
            "closed connection", "terminating connection", "connection is not active", "connection was closed",
            "failed to connect", "connect timed out", "the database system is"};

    private final Pool pool;

    public DatabaseOutage(Pool pool) {
        this.pool = pool;
    }

    /** Whether {@code failure} happened because the database could not be reached. Call from a thread that may block. */
    @Override
    public boolean down(Throwable failure) {
        return lostConnection(failure) || !reachable();
    }

    /** Whether the failure itself says the connection was refused, lost or refused by a server going down. */
    static boolean lostConnection(Throwable failure) {
        String state = Failures.sqlState(failure);
        if (state != null && (state.startsWith("08") || UNAVAILABLE.contains(state))) {
            return true;
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException || t instanceof SocketException
                    || t.getClass().getSimpleName().equals("ClosedConnectionException")
                    || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            for (String sign : LOST_CONNECTION) {
                if (message.contains(sign)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the database answers a trivial query now. */
    @Override
    public boolean reachable() {
        try {
            pool.query("SELECT 1").execute().await().atMost(PROBE_WITHIN);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}

package io.greenribbon.telephony.agi;

import io.greenribbon.telephony.AgiRoute;
import io.greenribbon.telephony.TelephonyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.asteriskjava.fastagi.AgiServerThread;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the FastAGI server for the service's lifetime (Asterisk-Java's AgiServerThread), with the
 * {@link AgiRoute} beans as its scripts. It counts as ready only once the port is really bound: a failed
 * bind is only logged by Asterisk-Java.
 */
@ApplicationScoped
public class AgiServerLifecycle {

    private static final Logger LOG = Logger.getLogger(AgiServerLifecycle.class);

    private final TelephonyConfig config;
    private final Instance<AgiRoute> routes;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private GuardedAgiServer server;
    private AgiServerThread thread;
    private volatile AgiListener listener;
    private volatile String failure;

    public AgiServerLifecycle(TelephonyConfig config, Instance<AgiRoute> routes,
                              io.micrometer.core.instrument.MeterRegistry meters) {
        this.config = config;
        this.routes = routes;
        this.meters = meters;
    }

    void start(@Observes StartupEvent event) {
        TelephonyConfig.Agi agi = config.agi();
        if (!agi.enabled()) {
            LOG.info("FastAGI server disabled (greenribbon.telephony.agi.enabled=false)");
            return;
        }
        try {
            RouteMapping mapping = new RouteMapping(routes, r -> listener == null ? null
                    : listener.connection(r.getRemoteAddress(), r.getRemotePort()), meters);
            server = new GuardedAgiServer(mapping, InetAddress.getByName(agi.bindAddress()), agi.port(),
                    new AllowedClients(agi.allowedClients()), (int) agi.readTimeout().toMillis());
            server.setPoolSize(agi.poolSize());
            server.setMaximumPoolSize(agi.maxPoolSize());
            thread = new AgiServerThread(server);
            thread.setDaemon(true);
            thread.startup();
            listener = server.bound().get(10, TimeUnit.SECONDS);
            LOG.infof("FastAGI server listening on %s:%d for scripts [%s], from %s", agi.bindAddress(),
                    listener.port(), mapping.scriptNames(), agi.allowedClients());
        } catch (ExecutionException | TimeoutException | IOException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            failure = "cannot listen on " + agi.bindAddress() + ":" + agi.port() + ": " + cause.getMessage();
            LOG.errorf("FastAGI server %s; the dialplan fails open until this is fixed", failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while starting";
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            try {
                thread.shutdown();
            } catch (IllegalStateException e) {
                LOG.debug("FastAGI server already stopped", e);
            }
        }
    }

    /** The bound port, once listening. */
    public Optional<Integer> port() {
        AgiListener l = listener;
        return l == null ? Optional.empty() : Optional.of(l.port());
    }

    public boolean enabled() {
        return config.agi().enabled();
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Sessions running now. */
    public int activeSessions() {
        return server == null ? 0 : Math.max(0, server.getPoolActiveTaskCount());
    }

    /** Changes the most sessions at once while running (operations, tests). */
    public void maximumSessions(int max) {
        if (server == null) {
            return;
        }
        int core = Math.min(config.agi().poolSize(), max);
        if (max >= server.getMaximumPoolSize()) {
            server.setMaximumPoolSize(max);
            server.setPoolSize(core);
        } else {
            server.setPoolSize(core);
            server.setMaximumPoolSize(max);
        }
    }
}

package io.greenribbon.telephony.ami;

import io.greenribbon.telephony.PbxEvent;
import io.greenribbon.telephony.TelephonyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.CoreStatusAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.response.CoreStatusResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one AMI connection of this replica (Asterisk-Java's ManagerConnection with its built-in reconnect).
 * It keeps retrying the first login while Asterisk is unreachable, pings to notice a dead link, feeds
 * every event to the {@link PbxEventDispatcher}, and reports the link's state: up, down (with why), and
 * whether Asterisk restarted while the link was down.
 */
@ApplicationScoped
public class AmiLink {

    private static final Logger LOG = Logger.getLogger(AmiLink.class);

    /** The link's state. */
    public enum State { DISABLED, CONNECTING, UP, DOWN }

    private final TelephonyConfig config;
    private final PbxEventDispatcher dispatcher;
    private ManagerConnection connection;
    private ScheduledExecutorService timer;
    private volatile State state = State.CONNECTING;
    private volatile Instant since = Instant.now();
    private volatile String problem;
    private boolean everUp;
    private String startedAt;

    public AmiLink(TelephonyConfig config, PbxEventDispatcher dispatcher) {
        this.config = config;
        this.dispatcher = dispatcher;
    }

    void start(@Observes @Priority(100) StartupEvent event) {
        TelephonyConfig.Ami ami = config.ami();
        if (!ami.enabled()) {
            state(State.DISABLED, null);
            return;
        }
        if (ami.secret().filter(s -> !s.isBlank()).isEmpty()) {
            state(State.DOWN, "no AMI secret configured (greenribbon.telephony.ami.secret)");
            LOG.error("The AMI link cannot start: greenribbon.telephony.ami.secret is not set");
            return;
        }
        connection = new ManagerConnectionFactory(ami.host(), ami.port(), ami.username(), ami.secret().get())
                .createManagerConnection();
        connection.setKeepAliveAfterAuthenticationFailure(true);
        connection.setSocketReadTimeout((int) ami.pingInterval().toMillis() * 3);
        connection.addEventListener(dispatcher::enqueue);
        dispatcher.preprocessor(this::onEvent);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ami-link");
            t.setDaemon(true);
            return t;
        });
        timer.execute(this::login);
        long ping = ami.pingInterval().toMillis();
        timer.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (connection != null && connection.getState() == ManagerConnectionState.CONNECTED) {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                LOG.debug("AMI logoff failed", e);
            }
        }
    }

    private void login() {
        ManagerConnectionState s = connection.getState();
        if (s != ManagerConnectionState.INITIAL && s != ManagerConnectionState.DISCONNECTED) {
            return;
        }
        try {
            connection.login();
        } catch (Exception e) {
            state(State.DOWN, "cannot log in to " + config.ami().host() + ":" + config.ami().port() + ": " + e.getMessage());
            LOG.warnf("AMI login failed (%s); retrying in %s", e.getMessage(), config.ami().retryInterval());
            timer.schedule(this::login, config.ami().retryInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void ping() {
        if (connection.getState() == ManagerConnectionState.DISCONNECTED && state != State.UP) {
            login();
            return;
        }
        if (state == State.UP) {
            try {
                connection.sendAction(new PingAction(), config.ami().actionTimeout().toMillis());
            } catch (Exception e) {
                LOG.debugf("AMI ping failed: %s", e.getMessage());
            }
        }
    }

    /** On the dispatcher thread, before translation: the link's own events. */
    private Optional<PbxEvent> onEvent(Object item) {
        if (item instanceof ConnectEvent) {
            boolean restarted = asteriskRestarted();
            boolean reconnect = everUp;
            everUp = true;
            state(State.UP, null);
            LOG.infof("AMI link up (%s:%d)%s", config.ami().host(), config.ami().port(),
                    reconnect ? restarted ? ", Asterisk restarted meanwhile" : ", reconnected" : "");
            return Optional.of(new PbxEvent.PbxLinkUp(Instant.now(), reconnect, restarted));
        }
        if (item instanceof DisconnectEvent) {
            state(State.DOWN, "connection to Asterisk lost; reconnecting");
            LOG.warn("AMI link down; Asterisk-Java reconnects");
            return Optional.of(new PbxEvent.PbxLinkDown(Instant.now()));
        }
        return Optional.empty();
    }

    /** Whether Asterisk's start time differs from the one seen at the last connect. */
    private boolean asteriskRestarted() {
        try {
            ManagerResponse r = connection.sendAction(new CoreStatusAction(), config.ami().actionTimeout().toMillis());
            if (r instanceof CoreStatusResponse status) {
                String now = status.getCoreStartupDate() + " " + status.getCoreStartupTime();
                boolean restarted = startedAt != null && !startedAt.equals(now);
                startedAt = now;
                return restarted;
            }
        } catch (Exception e) {
            LOG.debugf("CoreStatus after connect failed: %s", e.getMessage());
        }
        return false;
    }

    /** The replica became the leader: its listeners resynchronise as after a reconnect. */
    void leadershipGained() {
        if (state == State.UP) {
            dispatcher.publish(new PbxEvent.PbxLinkUp(Instant.now(), true, false));
        }
    }

    private void state(State next, String why) {
        if (next != state) {
            since = Instant.now();
        }
        state = next;
        problem = why;
    }

    public boolean up() {
        return state == State.UP && connection != null && connection.getState() == ManagerConnectionState.CONNECTED;
    }

    public State state() {
        return state;
    }

    public Instant since() {
        return since;
    }

    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    ManagerConnection connection() {
        return connection;
    }

    public String target() {
        return config.ami().host() + ":" + config.ami().port();
    }
}

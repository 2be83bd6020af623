package io.greenribbon.telephony.ami;

import io.greenribbon.telephony.PbxEvent;
import io.greenribbon.telephony.TelephonyConfig;
import io.greenribbon.telephony.pbx.PbxClaim;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.CoreSettingsAction;
import org.asteriskjava.manager.action.CoreStatusAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.response.CoreSettingsResponse;
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
 * It connects only while this deployment holds its claim on the PBX ({@link PbxClaim}), keeps retrying the
 * first login while Asterisk is unreachable, pings to notice a dead link, feeds every event to the
 * {@link PbxEventDispatcher}, and reports the link's state: up, down (with why), and whether Asterisk
 * restarted while the link was down. On every connect it checks that the PBX is the one this deployment
 * serves (CoreSettings' SystemName is {@code greenribbon.telephony.pbx-id}, or empty for {@code default});
 * a PBX that is not stays "down", its events unheard and no command sent to it.
 */
@ApplicationScoped
public class AmiLink {

    private static final Logger LOG = Logger.getLogger(AmiLink.class);

    /** The link's state. */
    public enum State { DISABLED, CONNECTING, UP, DOWN }

    private final TelephonyConfig config;
    private final PbxEventDispatcher dispatcher;
    private final PbxClaim claim;
    private ManagerConnection connection;
    private ScheduledExecutorService timer;
    private volatile State state = State.CONNECTING;
    private volatile Instant since = Instant.now();
    private volatile String problem;
    private boolean everUp;
    /** Why the PBX last logged in to was refused as not this deployment's; null when it was not. */
    private volatile String refusal;
    private String startedAt;

    public AmiLink(TelephonyConfig config, PbxEventDispatcher dispatcher, PbxClaim claim) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.claim = claim;
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
        claim.onChange(held -> timer.execute(held ? this::login : this::standDown));
        if (claim.held()) {
            timer.execute(this::login);
        } else {
            state(State.DOWN, claim.problem().orElse("no claim on the PBX"));
        }
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
        if (!claim.held() || s != ManagerConnectionState.INITIAL && s != ManagerConnectionState.DISCONNECTED) {
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

    /** Another deployment serves the PBX now: leave it (a logoff also ends Asterisk-Java's reconnecting). */
    private void standDown() {
        dispatcher.pbxConfirmed(false);
        state(State.DOWN, claim.problem().orElse("no claim on the PBX"));
        if (connection.getState() == ManagerConnectionState.CONNECTED
                || connection.getState() == ManagerConnectionState.RECONNECTING) {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                LOG.debug("AMI logoff failed", e);
            }
            dispatcher.publish(new PbxEvent.PbxLinkDown(Instant.now()));
        }
    }

    private void ping() {
        if (!claim.held()) {
            return;
        }
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
            return connected();
        }
        if (item instanceof DisconnectEvent) {
            dispatcher.pbxConfirmed(false);
            if (!claim.held() || refusal != null) {
                return Optional.empty();
            }
            state(State.DOWN, "connection to Asterisk lost; reconnecting");
            LOG.warn("AMI link down; Asterisk-Java reconnects");
            return Optional.of(new PbxEvent.PbxLinkDown(Instant.now()));
        }
        return Optional.empty();
    }

    /** Logged in: the link is up once the PBX is the one this deployment serves. */
    private Optional<PbxEvent> connected() {
        if (!claim.held()) {
            // The claim was lost while logging in: standDown() logs off.
            return Optional.empty();
        }
        Optional<String> wrongPbx = identityProblem();
        refusal = wrongPbx.orElse(null);
        if (wrongPbx.isPresent()) {
            dispatcher.pbxConfirmed(false);
            state(State.DOWN, wrongPbx.get());
            LOG.errorf("Refusing the PBX at %s: %s. Its events are not heard and no command goes to it until it "
                    + "reconnects as the PBX of this deployment.", target(), wrongPbx.get());
            return Optional.empty();
        }
        boolean restarted = asteriskRestarted();
        boolean reconnect = everUp;
        everUp = true;
        state(State.UP, null);
        dispatcher.pbxConfirmed(true);
        LOG.infof("AMI link up (%s:%d, PBX %s)%s", config.ami().host(), config.ami().port(), config.pbxId(),
                reconnect ? restarted ? ", Asterisk restarted meanwhile" : ", reconnected" : "");
        return Optional.of(new PbxEvent.PbxLinkUp(Instant.now(), reconnect, restarted));
    }

    /**
     * Why the PBX just logged in to is not this deployment's, from CoreSettings' SystemName (Asterisk's
     * systemname, the prefix of its Uniqueids); empty when it is. A PBX that does not say is not trusted.
     */
    private Optional<String> identityProblem() {
        String expected = "default".equals(config.pbxId()) ? "" : config.pbxId();
        String reported;
        try {
            ManagerResponse r = connection.sendAction(new CoreSettingsAction(), config.ami().actionTimeout().toMillis());
            if (!(r instanceof CoreSettingsResponse settings)) {
                return Optional.of("the PBX did not answer CoreSettings (" + r.getMessage() + "), so its systemname "
                        + "is unknown");
            }
            reported = settings.getSystemName() == null ? "" : settings.getSystemName().strip();
        } catch (Exception e) {
            // Logged off, the link is logged in again by the ping loop, and checked again.
            connection.logoff();
            return Optional.of("the PBX's systemname could not be read (" + e.getMessage() + "); reconnecting");
        }
        if (reported.equals(expected)) {
            return Optional.empty();
        }
        return Optional.of("it reports systemname '" + reported + "' but this deployment serves PBX '" + config.pbxId()
                + "' (greenribbon.telephony.pbx-id" + (expected.isEmpty() ? ", which expects no systemname" : "") + ")");
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
        if (up()) {
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

    /** The PBX this link serves. */
    public String pbxId() {
        return config.pbxId();
    }
}

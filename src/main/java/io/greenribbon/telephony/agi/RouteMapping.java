package io.greenribbon.telephony.agi;

import io.greenribbon.telephony.AgiRoute;
import io.greenribbon.telephony.CallHungUpException;
import io.greenribbon.telephony.CallRefusedException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps the script of each FastAGI request to the {@link AgiRoute} bean of that name. A request for any
 * other script is refused and logged: Asterisk-Java then sets AJ_AGISTATUS to NOT_FOUND and closes, and
 * the dialplan falls back.
 */
final class RouteMapping implements MappingStrategy {

    private static final Logger LOG = Logger.getLogger(RouteMapping.class);

    private final Map<String, RouteScript> scripts;
    private final Function<AgiRequest, AgiConnection> connections;
    private final MeterRegistry meters;

    RouteMapping(Iterable<AgiRoute> routes, Function<AgiRequest, AgiConnection> connections, MeterRegistry meters) {
        this.meters = meters;
        Map<String, RouteScript> byName = new java.util.HashMap<>();
        for (AgiRoute route : routes) {
            RouteScript previous = byName.put(route.script(), new RouteScript(route));
            if (previous != null) {
                throw new IllegalStateException("Two AgiRoute beans answer the script '" + route.script() + "'");
            }
        }
        this.scripts = Map.copyOf(byName);
        this.connections = connections;
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        RouteScript script = scripts.get(request.getScript());
        if (script == null) {
            LOG.warnf("Refused FastAGI request for unknown script '%s' from %s (channel %s, uniqueid %s)",
                    request.getScript(), request.getRemoteAddress(), request.getChannel(), request.getUniqueId());
        }
        return script;
    }

    String scriptNames() {
        return scripts.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    /** One route as an Asterisk-Java script. */
    private final class RouteScript implements AgiScript {
        private final AgiRoute route;

        RouteScript(AgiRoute route) {
            this.route = route;
        }

        @Override
        public void service(AgiRequest request, AgiChannel channel) throws AgiException {
            AgiCallSession session = new AgiCallSession(request, channel, connections.apply(request));
            long start = System.nanoTime();
            String outcome = "failed";
            try {
                route.handle(session);
                outcome = "decided";
            } catch (CallHungUpException e) {
                outcome = "hungup";
                LOG.debugf("Caller hung up during FastAGI '%s' on %s", request.getScript(), request.getChannel());
            } catch (CallRefusedException e) {
                outcome = "refused";
                LOG.warnf("FastAGI '%s' refused the call on %s (uniqueid %s): %s", request.getScript(),
                        request.getChannel(), request.getUniqueId(), e.getMessage());
                throw new Refused(e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "FastAGI '%s' failed on %s (uniqueid %s); the dialplan falls back",
                        request.getScript(), request.getChannel(), request.getUniqueId());
                throw new Refused(e.toString());
            } finally {
                timer(route.script(), outcome).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
    }

    /** The time a route takes, by script and outcome: greenribbon.agi.session, with p50 and p99. */
    private Timer timer(String script, String outcome) {
        return Timer.builder("greenribbon.agi.session").description("Time a FastAGI route took to decide a call")
                .tags("script", script, "outcome", outcome).publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Ends a session as failed (AJ_AGISTATUS FAILED), without a second stack trace in the log. */
    static final class Refused extends AgiException {
        Refused(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}

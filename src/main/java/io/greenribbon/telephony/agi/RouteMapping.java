package io.greenribbon.telephony.agi;

import io.greenribbon.telephony.AgiRoute;
import io.greenribbon.telephony.CallHungUpException;
import io.greenribbon.telephony.CallRefusedException;
import org.asteriskjava.fastagi.AgiChannel;
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
 * other script is refused and logged: the session ends with AJ_AGISTATUS NOT_FOUND, and the dialplan falls
 * back. Refusals and failures end the session through its {@link SessionChannel}, logged here once.
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
        if (script != null) {
            return script;
        }
        // Not null, which Asterisk-Java would log as an ERROR besides this WARN.
        return (unknown, session) -> {
            LOG.warnf("Refused FastAGI request for unknown script '%s' from %s (channel %s, uniqueid %s)",
                    unknown.getScript(), unknown.getRemoteAddress(), unknown.getChannel(), unknown.getUniqueId());
            ((SessionChannel) session).endAs(SessionChannel.NOT_FOUND);
        };
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
        public void service(AgiRequest request, AgiChannel channel) {
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
                ((SessionChannel) channel).endAs(SessionChannel.FAILED);
            } catch (RuntimeException e) {
                LOG.errorf(e, "FastAGI '%s' failed on %s (uniqueid %s); the dialplan falls back",
                        request.getScript(), request.getChannel(), request.getUniqueId());
                ((SessionChannel) channel).endAs(SessionChannel.FAILED);
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
}

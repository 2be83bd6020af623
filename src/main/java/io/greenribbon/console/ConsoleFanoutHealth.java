package io.greenribbon.console;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while this replica listens for console messages: otherwise its consoles miss alerts. */
@Readiness
@ApplicationScoped
public class ConsoleFanoutHealth implements HealthCheck {

    private final ConsoleFanout fanout;

    public ConsoleFanoutHealth(ConsoleFanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("console-fanout").status(fanout.listening()).build();
    }
}

package io.greenribbon.telephony.agi;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the FastAGI port is bound (or the server is disabled). */
@Readiness
@ApplicationScoped
public class AgiServerReadiness implements HealthCheck {

    private final AgiServerLifecycle server;

    public AgiServerReadiness(AgiServerLifecycle server) {
        this.server = server;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("fastagi");
        if (!server.enabled()) {
            return r.up().withData("enabled", false).build();
        }
        server.failure().ifPresent(f -> r.withData("failure", f));
        return server.port().map(port -> r.up().withData("port", port).withData("sessions", server.activeSessions()))
                .orElseGet(() -> r.down()).build();
    }
}

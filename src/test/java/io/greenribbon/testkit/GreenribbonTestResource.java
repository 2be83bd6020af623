package io.greenribbon.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import java.util.Map;

/** Points every {@code @QuarkusTest} at the run's real PostgreSQL and Keycloak (global: one declaration for all). */
@WithTestResource(value = GreenribbonTestResource.class, scope = TestResourceScope.GLOBAL)
public class GreenribbonTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestInfrastructure.get().serviceConfig();
    }

    @Override
    public void stop() {
        // The servers outlive Quarkus restarts between test profiles; the JVM shutdown hook stops them.
    }
}

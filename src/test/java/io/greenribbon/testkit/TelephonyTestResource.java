package io.greenribbon.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import java.util.Map;

/** Points every {@code @QuarkusTest} at the test PBX (the Asterisk peer) for FastAGI and AMI. */
@WithTestResource(value = TelephonyTestResource.class, scope = TestResourceScope.GLOBAL)
public class TelephonyTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestPbx.get().serviceConfig();
    }

    @Override
    public void stop() {
        // The PBX outlives Quarkus restarts between test profiles; the JVM shutdown hook stops it.
    }
}

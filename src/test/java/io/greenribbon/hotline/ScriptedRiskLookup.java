package io.greenribbon.hotline;

import io.greenribbon.risk.CallerRiskLookup;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open risk cases by caller key, as a test declares them, while the risk capability's lookup is not part
 * of this branch. Knows of no case unless a test adds one.
 */
@Alternative
@Priority(1)
@Singleton
public class ScriptedRiskLookup implements CallerRiskLookup {

    public final Map<String, CallerRisk> cases = new ConcurrentHashMap<>();

    @Override
    public Uni<Optional<CallerRisk>> openHighRiskCase(String callerKey) {
        return Uni.createFrom().item(Optional.ofNullable(cases.get(callerKey)));
    }
}

package io.greenribbon.hotline;

import io.greenribbon.risk.CallerRiskLookup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open risk cases by caller key, as a test declares them. Enabled only in {@link ScriptedRisk} (one test
 * profile), so the risk capability's own lookup serves every other test.
 */
@Alternative
@Singleton
public class ScriptedRiskLookup implements CallerRiskLookup {

    public final Map<String, CallerRisk> cases = new ConcurrentHashMap<>();

    @Override
    public Uni<Optional<CallerRisk>> openHighRiskCase(String callerKey) {
        return Uni.createFrom().item(Optional.ofNullable(cases.get(callerKey)));
    }
}

package io.greenribbon.hotline;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open risk cases by caller key, as a test declares them, while the risk capability is not part of this
 * branch. Knows of no case unless a test adds one.
 */
@Alternative
@Priority(1)
@Singleton
public class ScriptedRiskLookup implements CallerRiskLookup {

    public final Map<String, OpenCase> cases = new ConcurrentHashMap<>();

    @Override
    public Uni<Optional<OpenCase>> openHighRiskCase(String callerKey) {
        return Uni.createFrom().item(Optional.ofNullable(cases.get(callerKey)));
    }
}

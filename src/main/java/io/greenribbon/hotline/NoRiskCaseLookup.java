package io.greenribbon.hotline;

import io.greenribbon.risk.CallerRiskLookup;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Stands in for the risk capability's {@link CallerRiskLookup} until it is part of the service: it knows
 * of no case, so no call is raised for an open case (pressing 1 still raises it). The risk capability's
 * own bean replaces this default as soon as it exists.
 */
@DefaultBean
@ApplicationScoped
public class NoRiskCaseLookup implements CallerRiskLookup {

    @Override
    public Uni<Optional<CallerRisk>> openHighRiskCase(String callerKey) {
        return Uni.createFrom().item(Optional.empty());
    }
}

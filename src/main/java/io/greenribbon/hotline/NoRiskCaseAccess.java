package io.greenribbon.hotline;

import io.greenribbon.access.Actor;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Stands in for the risk capability until it is part of the service: "who is calling" shows no case. The
 * risk capability's own {@link CallerRiskAccess} replaces this default.
 */
@DefaultBean
@ApplicationScoped
public class NoRiskCaseAccess implements CallerRiskAccess {

    @Override
    public Uni<Optional<ActiveCase>> activeCase(String callerKey, Actor viewer) {
        return Uni.createFrom().item(Optional.empty());
    }
}

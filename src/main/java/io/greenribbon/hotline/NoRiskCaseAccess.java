package io.greenribbon.hotline;

import io.greenribbon.access.Actor;
import io.greenribbon.risk.CallerCaseAccess;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stands in for the risk capability's {@link CallerCaseAccess} until it is part of the service: "who is
 * calling" shows no case. The risk capability's own bean replaces this default as soon as it exists.
 */
@DefaultBean
@ApplicationScoped
public class NoRiskCaseAccess implements CallerCaseAccess {

    @Override
    public Uni<CallerCase> activeCaseFor(Actor counsellor, String callerKey, long contactId) {
        return Uni.createFrom().item(CallerCase.none());
    }
}

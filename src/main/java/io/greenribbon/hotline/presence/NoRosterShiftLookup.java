package io.greenribbon.hotline.presence;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * Stands in while the roster is not part of the service: nobody is on a rostered shift, so only a
 * supervisor's override lets a counsellor go available. It fails closed on purpose. The roster's own
 * lookup replaces it (a bean implementing {@link ShiftLookup} wins over this default).
 */
@DefaultBean
@ApplicationScoped
public class NoRosterShiftLookup implements ShiftLookup {

    @Override
    public Uni<Optional<String>> shiftLine(String username, Instant at) {
        return Uni.createFrom().item(Optional.empty());
    }
}

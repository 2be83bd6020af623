package io.greenribbon.access;

import io.greenribbon.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * The one place that decides what the account behind a request may do: role rules through
 * {@link Permission}, jurisdiction through the division the account acts in.
 */
@RequestScoped
public class AccessDecision {

    private Actor actor;

    /** Called once per request by {@link AccessFilter}, when the token has been verified. */
    void establish(SecurityIdentity identity) {
        this.actor = fromIdentity(identity);
    }

    public Actor actor() {
        if (actor == null) {
            throw new IllegalStateException("No authenticated account on this request");
        }
        return actor;
    }

    public boolean permits(Permission permission) {
        return actor != null && permission.grantedToAny(actor.roles());
    }

    /** Whether the record's division lies within the account's jurisdiction. */
    public boolean governs(String divisionCode) {
        return actor().governs(divisionCode);
    }

    /** Fails with 403 out-of-jurisdiction unless the account governs {@code divisionCode}. */
    public void requireGoverns(String divisionCode) {
        if (!governs(divisionCode)) {
            throw ProblemException.outOfJurisdiction(divisionCode);
        }
    }

    /**
     * Fails with 404 unless the account governs {@code divisionCode}: for records whose mere existence
     * must not leak outside the jurisdiction.
     */
    public void requireGovernsOrHide(String divisionCode, String notFoundKey, Object id) {
        if (!governs(divisionCode)) {
            throw ProblemException.notFound(notFoundKey, id);
        }
    }

    /** The division prefix that limits what the account sees in lists. */
    public String jurisdiction() {
        String division = actor().division();
        if (division == null) {
            throw ProblemException.forbidden("problem.forbidden.no-division");
        }
        return division;
    }

    /** The account behind a verified identity (also used by the console WebSocket, which has no request). */
    public static Actor fromIdentity(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String name = token.getClaim("name");
            return new Actor(token.getName(), name != null ? name : token.getName(), Set.copyOf(identity.getRoles()),
                    token.getClaim("division"), token.getClaim("extension"));
        }
        return new Actor(identity.getPrincipal().getName(), identity.getPrincipal().getName(),
                Set.copyOf(identity.getRoles()), null, null);
    }
}

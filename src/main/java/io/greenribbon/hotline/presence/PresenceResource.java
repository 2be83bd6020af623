package io.greenribbon.hotline.presence;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/hotline/presence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PresenceResource {

    private final PresenceService presence;
    private final OverrideService overrides;
    private final AccessDecision access;

    public PresenceResource(PresenceService presence, OverrideService overrides, AccessDecision access) {
        this.presence = presence;
        this.overrides = overrides;
        this.access = access;
    }

    /** The signed-in counsellor's own presence on the line. */
    @GET
    @Requires(Permission.HOTLINE_PRESENCE)
    public Uni<PresenceView> get() {
        return presence.mine(access.actor());
    }

    /** Sign in (available or paused), pause with a reason, or sign out, with the phone of the account. */
    @PUT
    @Requires(Permission.HOTLINE_PRESENCE)
    public Uni<PresenceView> put(@NotNull @Valid PresenceRequest request) {
        return presence.change(access.actor(), request);
    }

    /** A supervisor lets a counsellor of its jurisdiction take calls outside the roster, for a limited time. */
    @POST
    @Path("/overrides")
    @ResponseStatus(201)
    @Requires(Permission.HOTLINE_PRESENCE_OVERRIDE)
    public Uni<OverrideView> grant(@NotNull @Valid OverrideRequest request) {
        return overrides.grant(request);
    }
}

package io.greenribbon.access;

import io.greenribbon.divisions.DivisionPaths;
import io.greenribbon.divisions.DivisionView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** The signed-in account: name, roles, and the division it acts in with that division's path. */
    public record Me(String username, String name, Set<String> roles, String division,
                     List<DivisionView.DivisionRef> divisionPath) {
    }

    private final AccessDecision access;
    private final DivisionPaths divisions;

    public MeResource(AccessDecision access, DivisionPaths divisions) {
        this.access = access;
        this.divisions = divisions;
    }

    @GET
    @Requires(Permission.OWN_ACCOUNT)
    public Uni<Me> me() {
        Actor actor = access.actor();
        Uni<List<DivisionView.DivisionRef>> path = actor.division() == null
                ? Uni.createFrom().item(List.of()) : divisions.of(actor.division());
        return path.map(p -> new Me(actor.username(), actor.displayName(), actor.roles().stream().filter(Role.ALL::contains)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
                actor.division(), p));
    }
}

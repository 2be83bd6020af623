package io.greenribbon.counsellors.calendar;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The address calendar apps subscribe to, outside {@code /api}: no account signs in; the secret token in the
 * path is the authority (made and turned off through {@code /api/counsellors/{id}/calendar-feed}, or the
 * console's "my week"). An unknown or withdrawn token is not found.
 */
@Path("/calendar")
@Tag(name = "Calendar subscription")
public class CalendarSubscriptionResource {

    private static final String TEXT_CALENDAR = "text/calendar; charset=UTF-8";

    private final CalendarFeedService feeds;

    public CalendarSubscriptionResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    /** The path of a token's feed. */
    static String path(String token) {
        return "/calendar/" + token + ".ics";
    }

    @GET
    @Path("/{token: [A-Za-z0-9_-]{43}}.ics")
    @Produces({TEXT_CALENDAR, "application/problem+json"})
    @Operation(summary = "A counsellor's calendar by its secret subscription address",
            description = "The counsellor's shifts and booked sessions (a month back, three months ahead) without "
                    + "descriptions; no sign-in: the token is the authority. 404 for a token that is not (or no longer) valid.")
    public Uni<Response> feed(@PathParam("token") @Parameter(description = "The secret token shown when the subscription was made")
                              String token) {
        // Cache-Control: no-store and nosniff come with every response (http.ResponseHeaders).
        return feeds.feed(token).map(ics -> Response.ok(ics, TEXT_CALENDAR)
                .header("Referrer-Policy", "no-referrer").build());
    }
}

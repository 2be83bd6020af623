package io.greenribbon.counsellors.calendar;

import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.web.WebConfig;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.time.OffsetDateTime;

/**
 * A counsellor's calendar subscription: the secret address a calendar app subscribes to, since a calendar app
 * cannot send the bearer token that {@code calendar.ics} needs.
 */
@Path("/api/counsellors/{id}/calendar-feed")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarFeedResource {

    /** A subscription just made: its address (shown this once; only a hash of its token is kept). */
    public record Made(long counsellorId, String url, String webcalUrl, OffsetDateTime createdAt) {
    }

    private final CalendarFeedService feeds;
    private final WebConfig web;

    public CalendarFeedResource(CalendarFeedService feeds, WebConfig web) {
        this.feeds = feeds;
        this.web = web;
    }

    /** Whether the counsellor's subscription is on, since when, and when it was last fetched. */
    @GET
    @Requires(Permission.COUNSELLOR_CALENDAR_READ)
    public Uni<CalendarFeedService.Status> status(@PathParam("id") long id) {
        return feeds.status(id);
    }

    /**
     * Makes the counsellor's own subscription, or a new one in place of the old (which stops working at once):
     * 201 with its address, shown this once.
     */
    @POST
    @Requires(Permission.COUNSELLOR_CALENDAR_READ)
    public Uni<Response> create(@PathParam("id") long id, @Context UriInfo uri) {
        return feeds.create(id).map(made -> Response.status(Response.Status.CREATED).entity(made(made, uri, web)).build());
    }

    /** Turns the subscription off (the counsellor, or an admin who governs them): its address stops working. */
    @DELETE
    @Requires(Permission.COUNSELLOR_CALENDAR_READ)
    public Uni<CalendarFeedService.Status> revoke(@PathParam("id") long id) {
        return feeds.revoke(id);
    }

    /** The subscription's addresses: https (to copy) and webcal (which opens a calendar app). */
    public static Made made(CalendarFeedService.Created created, UriInfo uri, WebConfig web) {
        URI base = uri.getBaseUri();
        String scheme = web.secure() ? "https" : base.getScheme();
        String host = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        String path = CalendarSubscriptionResource.path(created.token());
        return new Made(created.counsellorId(), scheme + "://" + host + path, "webcal://" + host + path,
                created.createdAt());
    }
}

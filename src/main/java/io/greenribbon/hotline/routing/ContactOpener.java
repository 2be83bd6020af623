package io.greenribbon.hotline.routing;

import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.lines.LineConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens contacts off the FastAGI session's thread, so that the session can play the confidentiality notice
 * meanwhile: the caller hears the notice while the database works, instead of silence after it. A few
 * threads suffice (each holds one pooled connection for about a millisecond); calls beyond them queue.
 */
@ApplicationScoped
public class ContactOpener {

    private final RoutingService routing;
    private final ExecutorService threads;

    public ContactOpener(RoutingService routing, HotlineConfig config) {
        this.routing = routing;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(config.routeOpeners(), task -> {
            Thread t = new Thread(task, "route-opener-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts opening the contact of {@code call}; the decision completes when the statement has committed. */
    public CompletableFuture<RouteDecision> open(CallFacts call, LineConfig line) {
        return CompletableFuture.supplyAsync(() -> routing.open(call, line), threads);
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }
}

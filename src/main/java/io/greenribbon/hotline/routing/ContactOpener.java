package io.greenribbon.hotline.routing;

import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.lines.LineConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Opens the contacts of calls off the FastAGI sessions' threads, on a few threads of its own: a session
 * hands its call over and plays the confidentiality notice meanwhile. When calls come faster than a
 * statement takes, the calls waiting by then are opened together, in one statement and one commit (at most
 * {@link #MAX_TOGETHER}): a burst costs the database a round trip and a commit per batch, not per call, and
 * a lone call waits for nobody. A batch that fails is opened again call by call, so that one call's failure
 * is never another's.
 */
@ApplicationScoped
public class ContactOpener {

    static final int MAX_TOGETHER = 32;
    private static final Logger LOG = Logger.getLogger(ContactOpener.class);

    private record Waiting(RoutingService.OnLine call, CompletableFuture<RouteDecision> decision, long since) {
    }

    private final RoutingService routing;
    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> threads;
    private final Timer decisions;
    private final Counter together;

    public ContactOpener(RoutingService routing, HotlineConfig config, MeterRegistry meters) {
        this.routing = routing;
        this.decisions = Timer.builder("greenribbon.route.decision")
                .description("Time from a route script asking to its call's contact being open and decided, without talking to Asterisk")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.together = Counter.builder("greenribbon.route.opened-together")
                .description("Contacts opened in one statement with other calls' contacts").register(meters);
        this.threads = IntStream.rangeClosed(1, config.routeOpeners()).mapToObj(i -> {
            Thread t = new Thread(this::run, "route-opener-" + i);
            t.setDaemon(true);
            t.start();
            return t;
        }).toList();
    }

    /** Starts opening the contact of {@code call}; the decision completes when its statement has committed. */
    public CompletableFuture<RouteDecision> open(CallFacts call, LineConfig line) {
        CompletableFuture<RouteDecision> decision = new CompletableFuture<>();
        waiting.add(new Waiting(new RoutingService.OnLine(call, line), decision, System.nanoTime()));
        return decision;
    }

    private void run() {
        List<Waiting> batch = new ArrayList<>(MAX_TOGETHER);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(batch, MAX_TOGETHER - 1);
            try {
                open(batch);
            } catch (RuntimeException | Error e) {
                batch.forEach(w -> w.decision().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void open(List<Waiting> batch) {
        // Two sessions of one channel (a dialplan that asks twice) cannot share a statement.
        Map<String, Waiting> distinct = new LinkedHashMap<>();
        List<Waiting> again = new ArrayList<>();
        for (Waiting w : batch) {
            if (distinct.putIfAbsent(w.call().call().uniqueId(), w) != null) {
                again.add(w);
            }
        }
        List<Waiting> first = List.copyOf(distinct.values());
        if (first.size() == 1) {
            openAlone(first.get(0));
        } else {
            openTogether(first);
        }
        again.forEach(this::openAlone);
    }

    private void openTogether(List<Waiting> calls) {
        List<RouteDecision> decided;
        try {
            decided = routing.openAll(calls.stream().map(Waiting::call).toList());
        } catch (RuntimeException e) {
            LOG.debugf(e, "Opening %d contacts together failed; opening them one by one", calls.size());
            calls.forEach(this::openAlone);
            return;
        }
        together.increment(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            complete(calls.get(i), decided.get(i));
        }
    }

    private void openAlone(Waiting w) {
        try {
            complete(w, routing.open(w.call().call(), w.call().line()));
        } catch (RuntimeException e) {
            w.decision().completeExceptionally(e);
        }
    }

    private void complete(Waiting w, RouteDecision decision) {
        decisions.record(System.nanoTime() - w.since(), TimeUnit.NANOSECONDS);
        w.decision().complete(decision);
    }

    @PreDestroy
    void stop() {
        threads.forEach(Thread::interrupt);
    }
}

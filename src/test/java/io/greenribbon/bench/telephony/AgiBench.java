package io.greenribbon.bench.telephony;

import io.greenribbon.hotline.Blocking;
import io.greenribbon.hotline.CallerNumbers;
import io.greenribbon.hotline.routing.CallFacts;
import io.greenribbon.hotline.routing.RoutingService;
import io.greenribbon.telephony.peer.AsteriskPeer;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.TestPbx;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FastAGI decisions under load: {@code agi.concurrency} (500) sessions at once from the Asterisk peer's
 * FastAGI client against the service's FastAGI server, first for a trivial script, then for the script
 * under test ({@code -Dagi.script}, default {@code route}: the hotline's routing script, which opens a
 * real contact in PostgreSQL for every call; {@code bench-decision} sends the same variables without the
 * database). Prints the decision time (from the end of the agi_ environment to the server closing the
 * session) p50/p99 and the sessions per second of both, and their ratio. Targets: p99 at most 5 ms, at
 * least half the trivial script's throughput.
 *
 * <p>Route calls go to lines that do not ask "press 1" (the prompt is the caller's time, not the
 * decision's), and callers repeat (one in {@link #DISTINCT_CALLERS}), so the earlier-contact lookups find
 * rows. Last, the decision's database part alone ({@link RoutingService#open}) from 500 threads without
 * sockets, to tell the database's share from the protocol's.
 *
 * <pre>./mvnw -B -ntp -Pbench test -Dtest=AgiBench [-Dagi.script=route] [-Dagi.calls=5000] [-Dagi.concurrency=500]</pre>
 */
@QuarkusTest
class AgiBench {

    /** Lines of the demo city that route without a prompt (telephony/extensions.conf, db/demo R__40). */
    private static final String[] ROUTE_LINES = {"031160130105", "031160130102", "031160130108", "031160130100"};
    /** Callers are drawn from this many numbers, so later calls are repeat callers. */
    private static final int DISTINCT_CALLERS = 2000;

    @Inject
    MeterRegistry meters;

    @Inject
    RoutingService routing;

    record Result(String script, int sessions, int failed, double p50Ms, double p99Ms, double maxMs, double perSecond) {
    }

    @Test
    void decisionsUnderFiveHundredConcurrentSessions() throws Exception {
        AsteriskPeer peer = TestPbx.get().peer;
        peer.cdrWrites(false);
        String script = System.getProperty("agi.script", "route");
        int concurrency = Integer.getInteger("agi.concurrency", 500);
        int calls = Integer.getInteger("agi.calls", 5000);
        try {
            run(peer, "bench-trivial", concurrency, Math.min(calls, 1000), 0);
            run(peer, script, concurrency, Math.min(calls, 1000), 0);
            Result trivial = run(peer, "bench-trivial", concurrency, calls, 0);
            Result decision = run(peer, script, concurrency, calls, 0);
            double rate = Math.floor(trivial.perSecond() / 2);
            Result trivialPaced = run(peer, "bench-trivial", concurrency, calls, rate);
            Result decisionPaced = run(peer, script, concurrency, calls, rate);
            // A province's busiest hour is a few calls a second; this is ten times that and more.
            double steady = Integer.getInteger("agi.steady-rate", 30);
            int steadyCalls = (int) steady * 20;
            Result trivialSteady = run(peer, "bench-trivial", concurrency, steadyCalls, steady);
            Result decisionSteady = run(peer, script, concurrency, steadyCalls, steady);
            System.out.printf("%n[AgiBench] %d sessions each, %d at once, %d cores%n", calls, concurrency,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("[AgiBench] %-16s %8s %8s %8s %10s %7s%n", "script", "p50 ms", "p99 ms", "max ms", "sessions/s", "failed");
            for (Result r : List.of(trivial, decision)) {
                System.out.printf("[AgiBench] %-16s %8.2f %8.2f %8.2f %10.0f %7d%n", r.script(), r.p50Ms(), r.p99Ms(),
                        r.maxMs(), r.perSecond(), r.failed());
            }
            System.out.println("[AgiBench] inside the service (greenribbon.agi.session, route start to return, incl. its"
                    + " round trips to Asterisk):");
            for (String s : List.of("bench-trivial", script)) {
                Timer t = meters.find("greenribbon.agi.session").tag("script", s).tag("outcome", "decided").timer();
                if (t != null) {
                    ValueAtPercentile[] p = t.takeSnapshot().percentileValues();
                    System.out.printf("[AgiBench] %-16s p50 %6.2f ms  p99 %6.2f ms  (%d sessions)%n", s,
                            p[0].value(java.util.concurrent.TimeUnit.MILLISECONDS),
                            p[1].value(java.util.concurrent.TimeUnit.MILLISECONDS), t.count());
                }
            }
            System.out.printf("[AgiBench] %s/%s: p99 %.2fx, throughput %.2fx (targets: p99 <= 5 ms, throughput >= 0.5x)%n",
                    script, "bench-trivial", decision.p99Ms() / trivial.p99Ms(), decision.perSecond() / trivial.perSecond());
            System.out.printf("[AgiBench] paced at %.0f sessions/s (half the trivial script's saturation), up to %d at once:%n",
                    rate, concurrency);
            for (Result r : List.of(trivialPaced, decisionPaced)) {
                System.out.printf("[AgiBench] %-16s %8.2f %8.2f %8.2f %10.0f %7d%n", r.script(), r.p50Ms(), r.p99Ms(),
                        r.maxMs(), r.perSecond(), r.failed());
            }
            System.out.printf("[AgiBench] paced at %.0f sessions/s for 20 s (steady load, well above a province's busiest hour):%n",
                    steady);
            for (Result r : List.of(trivialSteady, decisionSteady)) {
                System.out.printf("[AgiBench] %-16s %8.2f %8.2f %8.2f %10.0f %7d%n", r.script(), r.p50Ms(), r.p99Ms(),
                        r.maxMs(), r.perSecond(), r.failed());
            }
            if (script.equals("route")) {
                Result open = openInProcess(concurrency, calls);
                System.out.printf("[AgiBench] without sockets, RoutingService.open (line, open case, earlier contacts,"
                        + " insert) from %d threads:%n", concurrency);
                System.out.printf("[AgiBench] %-16s %8.2f %8.2f %8.2f %10.0f %7d%n", open.script(), open.p50Ms(),
                        open.p99Ms(), open.maxMs(), open.perSecond(), open.failed());
            }
            System.out.println();
        } finally {
            peer.agiTimings(null);
            peer.cdrWrites(true);
        }
    }

    /** Places {@code calls} sessions, at most {@code concurrency} at once; {@code rate} > 0 paces them (per second). */
    private static Result run(AsteriskPeer peer, String script, int concurrency, int calls, double rate)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> timings = new ConcurrentLinkedQueue<>();
        peer.agiTimings(timings::add);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger failed = new AtomicInteger();
        List<PeerCall> placed = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (rate > 0) {
                long slot = start + (long) (i * 1e9 / rate);
                long wait = slot - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            inFlight.acquire();
            // bench-trunk runs a bench script by its name, and the route script for a dialled line.
            String dialled = script.equals("route") ? ROUTE_LINES[i % ROUTE_LINES.length] : script;
            PeerCall call = peer.call(CallScript.from(caller(i)).to(dialled).onTrunk("bench-trunk"));
            placed.add(call);
            call.onEnd(inFlight::release);
        }
        if (!inFlight.tryAcquire(concurrency, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sessions did not finish");
        }
        long elapsed = System.nanoTime() - start;
        peer.agiTimings(null);
        for (PeerCall call : placed) {
            if (!"SUCCESS".equals(call.variable("AGISTATUS")) || !"SUCCESS".equals(call.variable("AJ_AGISTATUS"))) {
                failed.incrementAndGet();
            }
        }
        List<Long> sorted = new ArrayList<>(timings);
        Collections.sort(sorted);
        return new Result(script, sorted.size(), failed.get(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, calls / (elapsed / 1e9));
    }

    private static String caller(int i) {
        return "+86138" + String.format("%08d", i % DISTINCT_CALLERS);
    }

    /** The decision's database work alone: {@code calls} contacts opened from {@code threads} threads. */
    private Result openInProcess(int threads, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> timings = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String run = Long.toString(System.nanoTime(), 36);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                go.await();
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    CallFacts facts = new CallFacts("bench-" + run + "-" + i, ROUTE_LINES[i % ROUTE_LINES.length],
                            CallerNumbers.normalise(caller(i)), Optional.empty(), Instant.now());
                    long t0 = System.nanoTime();
                    try {
                        Blocking.await(() -> routing.open(facts));
                        timings.add(System.nanoTime() - t0);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> w : workers) {
            w.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(timings);
        Collections.sort(sorted);
        return new Result("routing.open", sorted.size(), failed.get(), percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                calls / (elapsed / 1e9));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}

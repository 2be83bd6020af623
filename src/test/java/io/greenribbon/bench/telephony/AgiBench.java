package io.greenribbon.bench.telephony;

import io.greenribbon.hotline.CallerNumbers;
import io.greenribbon.hotline.routing.CallFacts;
import io.greenribbon.hotline.routing.ContactOpener;
import io.greenribbon.hotline.routing.RoutingService;
import io.greenribbon.telephony.ami.PbxEventDispatcher;
import io.greenribbon.telephony.peer.AsteriskPeer;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.TestPbx;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * FastAGI decisions under load, from the Asterisk peer's FastAGI client against the service's FastAGI
 * server: a trivial script next to the script under test ({@code -Dagi.script}, default {@code route}: the
 * hotline's routing script, which opens a real contact in PostgreSQL for every call; {@code bench-decision}
 * sends the same variables without the database). The decision time is the silence the PBX waits on the
 * service in a session: from the end of the agi_ environment, and from each reply, to the server's next
 * command or its close ({@link AsteriskPeer#agiTimings}). Two loads, each with {@code agi.concurrency}
 * (500) sessions open at once:
 * <ul>
 * <li>saturation: 500 sessions start at once and each next one as soon as one ends; sessions per second
 * and their ratio (target: the route at least half the trivial script's throughput), in rounds of both
 * scripts each started once the service has caught up with the call events before it (median round
 * printed last). Here the decision time is mostly waiting for the two cores: 500 sessions in flight over
 * ~1,000 sessions/s.</li>
 * <li>held open: callers on the lines that ask "press 1" hear the confidentiality notice the dialplan names
 * (6 s; the route opens the contact while it plays) and the prompt (4 s, then 5 s for the key; one in ten
 * presses 1), so each session lasts seconds, as on a real line, and calls arrive at the rate that keeps 500
 * open; the trivial script plays the same notice and prompt (target: decision p99 at most 5 ms). The
 * waits are also printed one by one, to show which step the silence is in.</li>
 * </ul>
 * Each load is warmed up first with a thousand sessions of each script (callers hearing the notice and
 * pressing 1 at once before the held load), so the JIT compiles what is measured before it is measured.
 * Callers repeat (one in {@link #DISTINCT_CALLERS}), so the earlier-contact lookups find rows. Last, the
 * decision's database part alone ({@link RoutingService#open}, and through {@link ContactOpener}, which opens
 * the calls waiting together) from 500 threads without sockets, to tell the database's share from the
 * protocol's.
 *
 * <pre>./mvnw -B -ntp -Pbench test -Dtest=AgiBench [-Dagi.script=route] [-Dagi.calls=5000] [-Dagi.held-calls=3000]
 * [-Dagi.concurrency=500] [-Dagi.loads=saturation,held,in-process] [-Dagi.saturation-rounds=3]</pre>
 */
@QuarkusTest
class AgiBench {

    /** Lines of the demo city that route without a prompt (telephony/extensions.conf, db/demo R__40). */
    private static final String[] ROUTE_LINES = {"031160130105", "031160130102", "031160130108", "031160130100"};
    /** The demo lines that ask "press 1" first (Qiaoxi's, and 12356 forwarded to the city). */
    private static final String[] PRESS_ONE_LINES = {"031160130104", "12356"};
    /** The bench's trunks (test-pbx): without the notice, and with the notice named as the hotline context names it. */
    private static final String SATURATION_TRUNK = "bench-trunk";
    private static final String HELD_TRUNK = "bench-notice-trunk";
    /** Callers are drawn from this many numbers, so later calls are repeat callers. */
    private static final int DISTINCT_CALLERS = 2000;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry meters;

    @Inject
    RoutingService routing;

    @Inject
    PbxEventDispatcher events;

    @Inject
    ContactOpener opener;

    record Result(String script, int sessions, int failed, double p50Ms, double p99Ms, double maxMs, double perSecond,
                  int peakOpen, List<long[]> silences) {
    }

    @Test
    void decisionsUnderFiveHundredConcurrentSessions() throws Exception {
        AsteriskPeer peer = TestPbx.get().peer;
        peer.cdrWrites(false);
        String script = System.getProperty("agi.script", "route");
        int concurrency = Integer.getInteger("agi.concurrency", 500);
        int calls = Integer.getInteger("agi.calls", 5000);
        int heldCalls = Integer.getInteger("agi.held-calls", 3000);
        try {
            // Warm-up, so that the JIT compiles the paths measured before they are measured.
            run(peer, "bench-trivial", at -> at.to("bench-trivial"), SATURATION_TRUNK, concurrency, Math.min(calls, 1000), 0);
            run(peer, script, at -> at.to(line(script, ROUTE_LINES, at.i())), SATURATION_TRUNK, concurrency,
                    Math.min(calls, 1000), 0);
            System.out.printf("%n[AgiBench] %d cores, PostgreSQL with %s, the peer at %.0fx real time; decision time = the silence the PBX waits on the service in a session"
                    + " (from the agi_ environment and from each reply to the next command or the close)%n",
                    Runtime.getRuntime().availableProcessors(), durability(), TestPbx.SPEED);
            if (loads().contains("saturation")) {
                // Rounds of the two scripts in turn, each started with the service's records caught up, so that
                // neither run pays for the other's call events; the median round's ratio is the figure.
                int rounds = Integer.getInteger("agi.saturation-rounds", 3);
                List<Result[]> results = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    quiesce();
                    Result trivial = run(peer, "bench-trivial", at -> at.to("bench-trivial"), SATURATION_TRUNK, concurrency,
                            calls, 0);
                    Duration trivialLag = quiesce();
                    Result decision = run(peer, script, at -> at.to(line(script, ROUTE_LINES, at.i())), SATURATION_TRUNK,
                            concurrency, calls, 0);
                    Duration decisionLag = quiesce();
                    System.out.printf("[AgiBench] saturation round %d: %d sessions each, %d started at once and each next one"
                            + " as soon as one ends; the call events were all recorded %.1f s (%s) and %.1f s (%s) after the"
                            + " last session:%n", round, calls, concurrency, trivialLag.toMillis() / 1e3, trivial.script(),
                            decisionLag.toMillis() / 1e3, decision.script());
                    print(trivial, decision);
                    System.out.printf("[AgiBench] round %d: %s/%s throughput %.2fx%n", round, script, "bench-trivial",
                            decision.perSecond() / trivial.perSecond());
                    results.add(new Result[]{trivial, decision});
                }
                results.sort(java.util.Comparator.comparingDouble(r -> r[1].perSecond() / r[0].perSecond()));
                Result[] median = results.get(results.size() / 2);
                System.out.printf("[AgiBench] %s/%s at saturation, median of %d rounds: p99 %.2fx, throughput %.2fx"
                        + " (target: throughput >= 0.5x; rounds from %.2fx to %.2fx)%n", script, "bench-trivial", rounds,
                        median[1].p99Ms() / median[0].p99Ms(), median[1].perSecond() / median[0].perSecond(),
                        results.get(0)[1].perSecond() / results.get(0)[0].perSecond(),
                        results.get(results.size() - 1)[1].perSecond() / results.get(results.size() - 1)[0].perSecond());
            }
            if (loads().contains("held")) {
                // Held open: every session lasts as long as its caller listens to the notice (6 s) and the press-1
                // prompt (4 s, then 5 s for the key; one caller in ten presses 1 after 2 s), and new calls arrive
                // at the rate that keeps `concurrency` sessions open.
                double heldRate = concurrency / (6.0 + 0.9 * 9.0 + 0.1 * 2.0);
                // The prompt's paths (the prompt, the key, the raise) warmed up too, by callers who press 1 at once.
                run(peer, "bench-trivial-prompt", at -> pressingAtOnce(at.to("bench-trivial-prompt")), HELD_TRUNK,
                        concurrency, Math.min(heldCalls, 1000), 0);
                run(peer, script, at -> pressingAtOnce(at.to(line(script, PRESS_ONE_LINES, at.i()))), HELD_TRUNK,
                        concurrency, Math.min(heldCalls, 1000), 0);
                quiesce();
                Result trivialHeld = run(peer, "bench-trivial-prompt", at -> listening(at.to("bench-trivial-prompt"), at.i()),
                        HELD_TRUNK, concurrency, heldCalls, heldRate);
                quiesce();
                long commitsBefore = commits();
                Result decisionHeld = run(peer, script, at -> listening(at.to(line(script, PRESS_ONE_LINES, at.i())), at.i()),
                        HELD_TRUNK, concurrency, heldCalls, heldRate);
                double commitsPerCall = (commits() - commitsBefore) / (double) heldCalls;
                System.out.printf("[AgiBench] %d sessions each, %d held open at once by callers listening to the press-1 prompt:%n",
                        heldCalls, concurrency);
                print(trivialHeld, decisionHeld);
                printSilences(trivialHeld, decisionHeld);
                System.out.printf("[AgiBench] %s with %d sessions open: p99 %.2f ms (target: p99 <= 5 ms)%n", script,
                        decisionHeld.peakOpen(), decisionHeld.p99Ms());
                System.out.println("[AgiBench] " + insideTheService());
                System.out.printf("[AgiBench] database commits per call while held open (the whole service, AMI events included): %.1f%n",
                        commitsPerCall);
            }
            if (script.equals("route") && loads().contains("in-process")) {
                Result open = openInProcess(concurrency, calls, false);
                Result together = openInProcess(concurrency, calls, true);
                Result alone = openInProcess(1, 2000, false);
                System.out.printf("[AgiBench] without sockets, RoutingService.open (line, open case, earlier contacts,"
                        + " insert, one statement per call) from %d threads; the same through ContactOpener (calls waiting"
                        + " opened together), from %d threads; RoutingService.open from one thread:%n", concurrency, concurrency);
                print(open, together, alone);
            }
            System.out.println();
        } finally {
            peer.agiTimings(null);
            peer.cdrWrites(true);
        }
    }

    /**
     * Waits until the service has handled every PBX event so far (its event queue empty for 200 ms), at most a
     * minute; returns how long that took.
     */
    private Duration quiesce() throws InterruptedException {
        long start = System.nanoTime();
        long quietSince = 0;
        while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(1)) {
            if (events.backlog() > 0) {
                quietSince = 0;
            } else if (quietSince == 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= TimeUnit.MILLISECONDS.toNanos(200)) {
                return Duration.ofNanos(quietSince - start);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the service's PBX events did not drain within a minute");
    }

    /** Which loads to run ({@code -Dagi.loads}, comma-separated): saturation, held, in-process; all by default. */
    private static String loads() {
        return System.getProperty("agi.loads", "saturation,held,in-process");
    }

    /** The route's own decision (greenribbon.route.decision, without Asterisk) over the last minute or so. */
    private String insideTheService() {
        Timer t = meters.find("greenribbon.route.decision").timer();
        if (t == null) {
            return "route.decision: not recorded";
        }
        ValueAtPercentile[] p = t.takeSnapshot().percentileValues();
        return String.format("inside the service, greenribbon.route.decision (open the contact, decide): p50 %.2f ms,"
                + " p99 %.2f ms", p[0].value(TimeUnit.MILLISECONDS), p[1].value(TimeUnit.MILLISECONDS));
    }

    /** Transactions committed in the service's database so far (the statistics collector's count). */
    private long commits() {
        return pool.query("SELECT pg_stat_force_next_flush()").execute()
                .chain(() -> pool.query("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()").execute())
                .map(rows -> rows.iterator().next().getLong(0)).await().indefinitely();
    }

    private String durability() {
        return pool.query("SELECT current_setting('fsync'), current_setting('synchronous_commit')").execute()
                .map(rows -> {
                    var r = rows.iterator().next();
                    return "fsync " + r.getString(0) + ", synchronous_commit " + r.getString(1);
                }).await().indefinitely();
    }

    private static String line(String script, String[] lines, int i) {
        return script.equals("route") ? lines[i % lines.length] : script;
    }

    /** A warm-up caller who presses 1 as soon as the prompt starts. */
    private static CallScript pressingAtOnce(CallScript call) {
        return call.presses("1").keyDelay(Duration.ofMillis(20));
    }

    /** A caller who listens to the press-1 prompt: one in ten presses 1 two seconds into it, the others wait it out. */
    private static CallScript listening(CallScript call, int i) {
        return i % 10 == 0 ? call.presses("1").keyDelay(Duration.ofSeconds(2)) : call;
    }

    private static void print(Result... results) {
        System.out.printf("[AgiBench] %-20s %8s %8s %8s %10s %9s %7s%n", "script", "p50 ms", "p99 ms", "max ms",
                "sessions/s", "peak open", "failed");
        for (Result r : results) {
            System.out.printf("[AgiBench] %-20s %8.2f %8.2f %8.2f %10.0f %9d %7d%n", r.script(), r.p50Ms(), r.p99Ms(),
                    r.maxMs(), r.perSecond(), r.peakOpen(), r.failed());
        }
    }

    /**
     * Where each script's silence goes: the PBX's waits one by one, in sessions with the usual number of them
     * (the first is before the notice; the second, what is left of the decision after it; the last, the
     * close after AJ_AGISTATUS).
     */
    private static void printSilences(Result... results) {
        for (Result r : results) {
            int usual = r.silences().stream().collect(java.util.stream.Collectors.groupingBy(s -> s.length,
                    java.util.stream.Collectors.counting())).entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                    .map(java.util.Map.Entry::getKey).orElse(0);
            StringBuilder line = new StringBuilder(String.format("[AgiBench] %-20s waits one by one, p50/p99 ms:", r.script()));
            for (int step = 0; step < usual; step++) {
                int k = step;
                List<Long> sorted = r.silences().stream().filter(s -> s.length == usual).map(s -> s[k]).sorted().toList();
                line.append(String.format(" %d) %.2f/%.2f", step + 1, percentile(sorted, 0.50), percentile(sorted, 0.99)));
            }
            System.out.println(line);
        }
    }

    /** The {@code i}-th call of a run, to be addressed. */
    private record Placing(int i, CallScript script) {
        CallScript to(String dialled) {
            return script.to(dialled);
        }
    }

    /**
     * Places {@code calls} sessions from the bench trunk, at most {@code concurrency} open at once; {@code rate}
     * > 0 paces their arrival (per second), 0 starts each as soon as one ends.
     */
    private static Result run(AsteriskPeer peer, String script, Function<Placing, CallScript> placing, String trunk,
                              int concurrency, int calls, double rate) throws InterruptedException {
        ConcurrentLinkedQueue<long[]> timings = new ConcurrentLinkedQueue<>();
        peer.agiTimings(timings::add);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<PeerCall> placed = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (rate > 0) {
                long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            inFlight.acquire();
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
            PeerCall call = peer.call(placing.apply(new Placing(i, CallScript.from(caller(i)))).onTrunk(trunk));
            placed.add(call);
            call.onEnd(() -> {
                open.decrementAndGet();
                inFlight.release();
            });
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
        List<Long> sorted = new ArrayList<>(timings.stream().map(s -> java.util.Arrays.stream(s).sum()).toList());
        Collections.sort(sorted);
        return new Result(script, sorted.size(), failed.get(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, calls / (elapsed / 1e9), peak.get(),
                List.copyOf(timings));
    }

    private static String caller(int i) {
        return "+86138" + String.format("%08d", i % DISTINCT_CALLERS);
    }

    /** The decision's database work alone: {@code calls} contacts opened from {@code threads} threads. */
    private Result openInProcess(int threads, int calls, boolean throughOpener) throws Exception {
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
                        if (throughOpener) {
                            opener.open(facts, routing.line(facts)).get();
                        } else {
                            routing.open(facts);
                        }
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
        return new Result(throughOpener ? "ContactOpener" : "routing.open", sorted.size(), failed.get(), percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                calls / (elapsed / 1e9), threads, List.of());
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}

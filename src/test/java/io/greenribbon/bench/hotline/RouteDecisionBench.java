package io.greenribbon.bench.hotline;

import io.greenribbon.hotline.Db;
import io.greenribbon.hotline.FakeCallSession;
import io.greenribbon.hotline.routing.RouteScript;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The route script's decision without sockets: 500 concurrent callers, each routed by {@link RouteScript}
 * as the FastAGI server runs it (one blocking thread per session, one short transaction per call). Prints
 * decision-time p50/p99 and decisions per second. The AGI bench of the telephony side measures the same
 * script over real FastAGI sockets. Run: ./mvnw -Pbench test -Dtest=RouteDecisionBench
 */
@QuarkusTest
class RouteDecisionBench {

    private static final int SESSIONS = Integer.getInteger("bench.sessions", 500);
    private static final int CALLS_PER_SESSION = Integer.getInteger("bench.calls", 20);
    private static final String[] LINES = {"031160130105", "031160130102", "031160130108", "12356"};

    @Inject
    RouteScript route;

    @Test
    void routeDecisions() throws Exception {
        // A realistic history: some callers call again (prior-contact lookups find rows).
        run(50, 10, "warm-up");
        Result r = run(SESSIONS, CALLS_PER_SESSION, "measured");
        System.out.printf("%n[route-bench] %d concurrent sessions, %d decisions in %.2f s: %.0f decisions/s, "
                        + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n%n", SESSIONS, r.latenciesNanos.length, r.seconds,
                r.latenciesNanos.length / r.seconds, r.percentile(50), r.percentile(99), r.percentile(100));
        Db.update("DELETE FROM hotline_contact WHERE call_uniqueid LIKE 'bench-%'");
    }

    private record Result(long[] latenciesNanos, double seconds) {
        double percentile(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1_000_000.0;
        }
    }

    private Result run(int sessions, int callsEach, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger seq = new AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            int session = s;
            futures.add(pool.submit(() -> {
                start.await();
                long[] times = new long[callsEach];
                for (int i = 0; i < callsEach; i++) {
                    int n = seq.incrementAndGet();
                    String caller = "139" + String.format("%08d", (session * 7919 + i % 3) % 100_000_000);
                    FakeCallSession call = FakeCallSession.call("bench-" + label + "-" + n, LINES[n % LINES.length], caller);
                    long t0 = System.nanoTime();
                    route.handle(call);
                    times[i] = System.nanoTime() - t0;
                }
                return times;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        long[] all = new long[sessions * callsEach];
        int k = 0;
        for (Future<long[]> f : futures) {
            for (long t : f.get()) {
                all[k++] = t;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return new Result(all, seconds);
    }
}

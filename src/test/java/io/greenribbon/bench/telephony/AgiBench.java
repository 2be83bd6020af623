package io.greenribbon.bench.telephony;

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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FastAGI decisions under load: {@code agi.concurrency} (500) sessions at once from the Asterisk peer's
 * FastAGI client against the service's FastAGI server, first for a trivial script, then for the script
 * under test ({@code -Dagi.script}, default bench-decision; the hotline's is {@code route}). Prints the
 * decision time (from the end of the agi_ environment to the server closing the session) p50/p99 and the
 * sessions per second of both, and their ratio. Targets: p99 at most 5 ms, at least half the trivial
 * script's throughput.
 *
 * <pre>./mvnw -B -ntp -Pbench test -Dtest=AgiBench [-Dagi.script=route] [-Dagi.calls=5000] [-Dagi.concurrency=500]</pre>
 */
@QuarkusTest
class AgiBench {

    @Inject
    MeterRegistry meters;

    record Result(String script, int sessions, int failed, double p50Ms, double p99Ms, double maxMs, double perSecond) {
    }

    @Test
    void decisionsUnderFiveHundredConcurrentSessions() throws Exception {
        AsteriskPeer peer = TestPbx.get().peer;
        peer.cdrWrites(false);
        String script = System.getProperty("agi.script", "bench-decision");
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
            PeerCall call = peer.call(CallScript.from("+86138" + String.format("%08d", i)).to(script).onTrunk("bench-trunk"));
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

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}

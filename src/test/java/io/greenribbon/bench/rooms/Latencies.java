package io.greenribbon.bench.rooms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A closed-loop load of {@code workers} callers, each making {@code calls} calls; latencies and failures. */
public final class Latencies {

    public interface Call {
        /** One call by worker {@code worker}; whether it answered as expected. */
        boolean run(int worker, int i) throws Exception;
    }

    public record Figures(int calls, double perSecond, double p50, double p95, double p99, double max, int failures) {

        public String line() {
            return String.format("%5d calls  %7.1f/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms  failures %d",
                    calls, perSecond, p50, p95, p99, max, failures);
        }
    }

    private Latencies() {
    }

    public static Figures measure(int workers, int calls, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long[] latencies = new long[workers * calls];
        AtomicInteger failures = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < calls; i++) {
                    long s = System.nanoTime();
                    if (!call.run(worker, i)) {
                        failures.incrementAndGet();
                    }
                    latencies[worker * calls + i] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
        long elapsed = System.nanoTime() - t0;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Figures(latencies.length, latencies.length / (elapsed / 1e9), at(latencies, 0.50), at(latencies, 0.95),
                at(latencies, 0.99), latencies[latencies.length - 1] / 1e6, failures.get());
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(sorted.length * quantile) - 1] / 1e6;
    }
}

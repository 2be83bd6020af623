package io.greenribbon.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as the build packaged it ({@code target/quarkus-app/quarkus-run.jar}, prod profile), in a JVM
 * of its own and configured like a deployment: by environment variables only. It can be started again
 * after it stopped or was killed, with the same environment; the JVMs write their output to one log.
 */
public final class ServiceJvm implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path jar;
    private final Map<String, String> environment;
    private final int httpPort;
    private final Path workDir;
    private Process process;
    private int starts;

    /**
     * @param environment what the deployment sets, with {@code QUARKUS_HTTP_PORT} (on 127.0.0.1)
     * @param workDir     the JVM's working directory (empty, so that no {@code .env} or {@code config/}
     *                    of a developer's checkout adds configuration); {@code service.log} goes there
     */
    public ServiceJvm(Path jar, Map<String, String> environment, Path workDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No service jar at " + jar + "; run ./mvnw package first");
        }
        this.jar = jar.toAbsolutePath();
        this.environment = Map.copyOf(environment);
        this.httpPort = Integer.parseInt(environment.get("QUARKUS_HTTP_PORT"));
        this.workDir = workDir.toAbsolutePath();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public Path log() {
        return workDir.resolve("service.log");
    }

    /** Starts a new JVM and waits until {@code /q/health/ready} answers 200. */
    public void start(Duration timeout) {
        launch();
        awaitReady(timeout);
    }

    /** Starts a new JVM without waiting for it to be ready (a deployment that is to refuse its PBX). */
    public void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("The service is running already");
        }
        try {
            Files.createDirectories(workDir);
            starts++;
            // The first JVM starts a new log; the next ones add to it.
            Files.writeString(log(), "==== JVM " + starts + " starting at " + Instant.now() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    starts == 1 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
            // C1 only: the JVM starts on about half the CPU, which a shared test machine (and CI) feels more than speed.
            ProcessBuilder pb = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", jar.toString()))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            pb.environment().putAll(environment);
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("The service did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until {@code /q/health/ready} answers (with any status) a body that satisfies {@code condition};
     * returns that body.
     */
    public String awaitReadiness(Duration timeout, java.util.function.Predicate<String> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + ":\n" + logTail(60));
            }
            String body = readinessBody();
            if (body != null && condition.test(body)) {
                return body;
            }
            pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("The service's readiness never matched after " + timeout + ":\n"
                + readinessBody() + "\n" + logTail(60));
    }

    private String readinessBody() {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException notYet) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service's log so far. */
    public String logText() {
        try {
            return Files.readString(log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + ":\n" + logTail(60));
            }
            if (readinessStatus() == 200) {
                return;
            }
            pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("The service was not ready after " + timeout + ":\n" + logTail(60));
    }

    /** The HTTP status of {@code /q/health/ready}; 0 while nothing answers. */
    private int readinessStatus() {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hooks run, its connections are just cut. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Stops the JVM as an orderly shutdown does (SIGTERM), killing it if it does not exit in time. */
    public void stop() {
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(30))) {
            kill();
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines the service's JVMs wrote. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no service log: " + e.getMessage() + ")";
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}

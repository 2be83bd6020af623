package io.greenribbon.telephony.agi;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asterisk-Java's FastAGI server, listening through an {@link AgiListener} (only the configured Asterisk
 * addresses, LF framing, hang-up detection), giving each session a {@link SessionChannel}, and telling
 * when its port is really bound. Its pool hands
 * each session to a thread or refuses it at once when all are busy; a refused session leaves
 * AJ_AGISTATUS unset, which the dialplan treats as failure.
 */
final class GuardedAgiServer extends DefaultAgiServer {

    private final AllowedClients allowed;
    private final int readTimeoutMillis;
    private final CompletableFuture<AgiListener> bound = new CompletableFuture<>();

    GuardedAgiServer(MappingStrategy mapping, InetAddress bind, int port, AllowedClients allowed, int readTimeoutMillis) {
        super(null, mapping, SessionChannel.FACTORY);
        this.allowed = allowed;
        this.readTimeoutMillis = readTimeoutMillis;
        setAddress(bind);
        setPort(port);
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
        try {
            AgiListener listener = new AgiListener(getAddress(), getPort(), 200, allowed, readTimeoutMillis);
            bound.complete(listener);
            return listener;
        } catch (IOException e) {
            bound.completeExceptionally(e);
            throw e;
        }
    }

    @Override
    protected ThreadPoolExecutor createPool() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(getPoolSize(), Math.max(getPoolSize(), getMaximumPoolSize()), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "fastagi-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Completes with the listener once the port is bound, or exceptionally when binding failed. */
    CompletableFuture<AgiListener> bound() {
        return bound;
    }

    void stop() {
        shutdown();
    }
}

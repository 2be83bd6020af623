package io.greenribbon.hotline;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Runs reactive work (a Hibernate Reactive transaction) from a thread that may block: Asterisk-Java's AGI
 * pool, the PBX event dispatcher. Never call it from a Vert.x event loop.
 */
public final class Blocking {

    private Blocking() {
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.greenribbon.hotline;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Function;

/**
 * PBX commands complete on the PBX's worker threads, where Hibernate Reactive cannot run. Plugged into a
 * {@code Uni} ({@code pbx.originate(...).plug(OnContext.resume())}), this brings the result (or failure)
 * back to the Vert.x context the pipeline started on, so database work can follow.
 */
public final class OnContext {

    private OnContext() {
    }

    public static <T> Function<Uni<T>, Uni<T>> resume() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Function.identity();
        }
        return uni -> uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}

package io.greenribbon.hotline.presence;

import io.greenribbon.hotline.Blocking;
import io.quarkus.arc.Arc;

/** Runs the wrap-up sweep now, instead of waiting for its schedule. */
public final class WrapUpSweeperAccess {

    private WrapUpSweeperAccess() {
    }

    public static void sweepNow() {
        WrapUpSweeper sweeper = Arc.container().instance(WrapUpSweeper.class).get();
        Blocking.await(sweeper::sweep);
    }
}

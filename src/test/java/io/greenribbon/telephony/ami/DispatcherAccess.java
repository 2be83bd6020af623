package io.greenribbon.telephony.ami;

import io.quarkus.arc.Arc;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a test wait until the PBX events received so far have reached every listener. */
public final class DispatcherAccess {

    private DispatcherAccess() {
    }

    /** Returns once every event the dispatcher had queued when called has been handled. */
    public static void drain(Duration timeout) {
        PbxEventDispatcher dispatcher = Arc.container().instance(PbxEventDispatcher.class).get();
        CountDownLatch done = new CountDownLatch(1);
        dispatcher.runInOrder(done::countDown);
        try {
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The PBX event dispatcher did not catch up within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

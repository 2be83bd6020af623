package io.greenribbon.telephony.ami;

import io.greenribbon.telephony.PbxEvent;
import io.greenribbon.telephony.PbxEventListener;
import io.greenribbon.telephony.TelephonyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.asteriskjava.manager.event.ManagerEvent;
import org.jboss.logging.Logger;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * The one thread that turns AMI events into {@link PbxEvent}s and hands them to every
 * {@link PbxEventListener} bean, in Asterisk's order. The AMI reader only enqueues (a slow listener must
 * not stall Asterisk-Java's reader, or its actions time out). Events reach the listeners only while this
 * replica leads, and only from a PBX the link has confirmed as this deployment's; the others drop them.
 */
@ApplicationScoped
public class PbxEventDispatcher {

    private static final Logger LOG = Logger.getLogger(PbxEventDispatcher.class);

    private final Instance<PbxEventListener> listenerBeans;
    private final BlockingQueue<Object> queue;
    private final PbxEventTranslator translator = new PbxEventTranslator(ZoneOffset.UTC);
    private volatile boolean leading;
    private volatile boolean pbxConfirmed;
    private volatile Function<Object, Optional<PbxEvent>> preprocessor = item -> Optional.empty();
    private List<PbxEventListener> listeners;
    private Thread thread;

    public PbxEventDispatcher(TelephonyConfig config, Instance<PbxEventListener> listenerBeans) {
        this.listenerBeans = listenerBeans;
        this.queue = new LinkedBlockingQueue<>(config.ami().eventQueueCapacity());
    }

    void start(@Observes StartupEvent event) {
        listeners = listenerBeans.stream().toList();
        thread = new Thread(this::loop, "pbx-events");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** From Asterisk-Java's reader thread: waits when the queue is full rather than lose an event. */
    void enqueue(ManagerEvent event) {
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An event the service makes itself (the link's, or the outcome of a command another deployment asked this
     * one to send), delivered in order with the PBX's own.
     */
    public void publish(PbxEvent event) {
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Something to run on the dispatcher thread, in order with the events (the link's own bookkeeping). */
    void runInOrder(Runnable task) {
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void leading(boolean leading) {
        this.leading = leading;
    }

    /** Whether the PBX the link is logged in to is this deployment's (its events may be heard). */
    void pbxConfirmed(boolean confirmed) {
        this.pbxConfirmed = confirmed;
    }

    public boolean leading() {
        return leading;
    }

    /** Events waiting for the dispatcher. */
    public int backlog() {
        return queue.size();
    }

    void preprocessor(Function<Object, Optional<PbxEvent>> preprocessor) {
        this.preprocessor = preprocessor;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (item instanceof Runnable task) {
                    task.run();
                    continue;
                }
                PbxEvent event = preprocessor.apply(item).orElseGet(() -> item instanceof ManagerEvent m
                        ? translator.translate(m).orElse(null) : item instanceof PbxEvent p ? p : null);
                if (event instanceof PbxEvent.PbxLinkDown) {
                    translator.forget();
                }
                boolean linkEvent = event instanceof PbxEvent.PbxLinkUp || event instanceof PbxEvent.PbxLinkDown;
                if (event != null && leading && (pbxConfirmed || linkEvent || !(item instanceof ManagerEvent))) {
                    deliver(event);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not process PBX event %s", item);
            }
        }
    }

    private void deliver(PbxEvent event) {
        for (PbxEventListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "PBX event listener %s failed on %s", listener.getClass().getName(), event);
            }
        }
    }
}

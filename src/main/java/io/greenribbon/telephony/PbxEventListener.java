package io.greenribbon.telephony;

/**
 * A CDI bean that receives the PBX's events, translated into {@link PbxEvent}s.
 *
 * <p>Every listener is called on ONE ordered dispatcher thread (never Asterisk-Java's socket reader),
 * in the order Asterisk sent the events, and only on the replica that currently leads (see
 * {@code telephony/README.md}). A listener may block briefly (a database write through
 * {@code VertxContextSupport.subscribeAndAwait}); it must not wait for another PBX event. An exception
 * is logged and does not stop the delivery to other listeners or of later events.
 */
public interface PbxEventListener {

    void on(PbxEvent event);
}
